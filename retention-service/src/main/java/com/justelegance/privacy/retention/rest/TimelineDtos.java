package com.justelegance.privacy.retention.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.justelegance.privacy.retention.rest.HoldDtos.HoldReasonView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The response body of the timeline API. */
public final class TimelineDtos {

    private TimelineDtos() {
    }

    /**
     * A subject's timeline as the API shows it.
     *
     * @param erasureDueAt       when the rules say the subject's data must go; null while an account is open
     * @param erasureRequestedAt when the purge requested the subject's erasure, or null
     * @param erasureRequestId   that request, to follow its receipts at {@code /api/v1/erasure-requests/{id}}
     * @param heldBy             what holds the subject from being purged today (empty when nothing does); left
     *                           out for dsr-service, which reads the timeline for the subject's own access package
     */
    public record TimelineView(String subjectId, Instant lastContactAt, Instant lastOrderAt,
                               Instant accountOpenedAt, Instant accountClosedAt, boolean accountOpen,
                               Instant consentWithdrawnAt, Instant erasureDueAt, Instant erasureRequestedAt,
                               String erasureRequestId,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<HoldReasonView> heldBy, List<Entry> entries) {

        /** One dated contact and the event it came from. */
        public record Entry(UUID eventId, String kind, Instant occurredAt) {
        }
    }
}
