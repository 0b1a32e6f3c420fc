package com.justelegance.privacy.retention.rest;

import com.justelegance.privacy.kit.erasure.ErasureReceipts;
import com.justelegance.privacy.retention.domain.PurgeRun;
import com.justelegance.privacy.retention.service.Purges;

import java.time.Instant;
import java.util.UUID;

/** Response bodies of the purge API: runs and the erasures they requested. */
public final class PurgeDtos {

    private PurgeDtos() {
    }

    /**
     * An erasure a run requested; the subject only as the keyed hash of its id.
     *
     * @param closedAt when the last expected receipt came in, or null
     */
    public record RequestedErasureView(String requestId, String subjectRef, String reason, UUID runId,
                                       Instant requestedAt, Instant closedAt) {

        static RequestedErasureView of(ErasureReceipts.RequestedErasure request) {
            return new RequestedErasureView(request.requestId(), request.subjectRef(), request.reason().name(),
                    request.groupId(), request.requestedAt(), request.closedAt());
        }
    }

    /**
     * A purge run as the run log shows it.
     *
     * @param subjectsSelected    the subjects due and not yet requested when the run started, held ones included
     * @param skippedForHolds     how many of them were held (legal hold, open complaint, open request)
     * @param erasuresRequested   how many erasures this run requested
     * @param reerasuresRequested how many of those were for data that reappeared after an erasure
     * @param erasuresConfirmed   how many of those every expected service has confirmed with a receipt
     */
    public record PurgeRunView(UUID runId, PurgeRun.Trigger trigger, String startedBy, Instant startedAt,
                               Instant finishedAt, PurgeRun.Status status, int subjectsSelected,
                               int skippedForHolds, int erasuresRequested, int reerasuresRequested,
                               int erasuresConfirmed) {

        static PurgeRunView of(Purges.RunRecord record) {
            PurgeRun run = record.run();
            return new PurgeRunView(run.id(), run.trigger(), run.startedBy(), run.startedAt(), run.finishedAt(),
                    run.status(), run.subjectsSelected(), run.skippedForHolds(), run.erasuresRequested(),
                    run.reerasuresRequested(), record.erasuresConfirmed());
        }
    }
}
