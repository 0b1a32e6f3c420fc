package com.justelegance.privacy.retention.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.kit.erasure.ErasureReceipts;
import com.justelegance.privacy.kit.erasure.SubjectTombstones;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the erasure API: erasure requests with their receipts, and tombstones. */
public final class ErasureDtos {

    private ErasureDtos() {
    }

    /**
     * An erasure this service requested.
     *
     * @param subjectRef the keyed hash of the subject id, as in the tombstone and the audit log
     * @param closedAt   when the last expected receipt came in, or null
     * @param runId      the purge run that requested it
     * @param awaiting   the expected services that have not sent a receipt
     * @param overdue    whether a receipt is still missing after the time allowed
     */
    public record ErasureRequestView(String requestId, String subjectRef, String reason, UUID runId,
                                     Instant requestedAt, Instant closedAt, List<ReceiptView> receipts,
                                     List<String> awaiting, boolean overdue) {
    }

    /**
     * What remains of an erased subject here.
     *
     * @param reason        why it was last erased; null for a tombstone older than reasons
     * @param erasures      how many erasure requests erased it
     * @param lateArrivalAt when data last arrived after the erasure, or null
     */
    public record TombstoneView(String subjectRef, Instant erasedAt, String reason, String requestId, int erasures,
                                Instant lateArrivalAt) {

        static TombstoneView of(SubjectTombstones.Tombstone tombstone) {
            return new TombstoneView(tombstone.subjectRef(), tombstone.erasedAt(),
                    tombstone.reason() == null ? null : tombstone.reason().name(), tombstone.requestId(),
                    tombstone.erasures(), tombstone.lateArrivalAt());
        }
    }

    /** One service's receipt: what it erased and what it kept, as codes and counts. */
    public record ReceiptView(String service, Instant completedAt, JsonNode erased, JsonNode withheld,
                              Instant receivedAt) {

        static ReceiptView of(ErasureReceipts.Receipt receipt) {
            return new ReceiptView(receipt.service(), receipt.completedAt(), tree(receipt.erased()),
                    tree(receipt.withheld()), receipt.receivedAt());
        }

        private static JsonNode tree(String json) {
            try {
                return EventCodec.mapper().readTree(json);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
