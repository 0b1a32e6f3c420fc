package com.justelegance.privacy.retention.rest;

import com.justelegance.privacy.kit.erasure.ErasureReceipts;
import com.justelegance.privacy.retention.domain.PurgeRun;
import com.justelegance.privacy.retention.rest.HoldDtos.HoldReasonView;
import com.justelegance.privacy.retention.repository.PurgeRepository;
import com.justelegance.privacy.retention.service.Purges;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the purge API: runs, the erasures they requested, and the preview. */
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

    /**
     * Who would be erased by a run, now or within the coming days, and how many per rule category.
     *
     * @param subjects     the erasable subjects, earliest due first (at most {@code limit})
     * @param heldSubjects the due subjects a run would skip, and what holds each (at most {@code limit})
     */
    public record Preview(Instant asOf, Instant dueBy, int erasable, int held, List<CategoryCount> byCategory,
                          List<DueSubject> subjects, List<HeldSubject> heldSubjects) {

        static Preview of(Purges.Preview preview) {
            return new Preview(preview.asOf(), preview.dueBy(), preview.erasable(), preview.held(),
                    preview.byCategory().stream().map(CategoryCount::of).toList(),
                    preview.subjects().stream().map(DueSubject::of).toList(),
                    preview.heldSubjects().stream().map(HeldSubject::of).toList());
        }
    }

    /** A due subject a run would skip, and what holds it (legal holds as on the window's last day). */
    public record HeldSubject(String subjectId, Instant erasureDueAt, List<HoldReasonView> heldBy) {

        static HeldSubject of(Purges.HeldSubject held) {
            return new HeldSubject(held.subject().subjectId(), held.subject().erasureDueAt(),
                    HoldReasonView.of(held.heldBy()));
        }
    }

    /** How many of the erasable subjects have records the rule of a category is about. */
    public record CategoryCount(String category, String anchor, String action, int subjects) {

        static CategoryCount of(Purges.CategoryCount count) {
            return new CategoryCount(count.category(), count.anchor(), count.action(), count.subjects());
        }
    }

    /** A due subject: its id, due date, and whether its data reappeared after an earlier erasure. */
    public record DueSubject(String subjectId, Instant erasureDueAt, boolean reappeared) {

        static DueSubject of(PurgeRepository.DueSubject subject) {
            return new DueSubject(subject.subjectId(), subject.erasureDueAt(), subject.reappeared());
        }
    }
}
