package com.justelegance.privacy.events;

import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.WithheldReason;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One service's receipt for an {@link ErasureRequested}: what it erased and what it kept, why and until when.
 *
 * @param requestId   the erasure request this answers
 * @param service     the service that erased, e.g. {@code consent-service}
 * @param erased      records erased per data category
 * @param withheld    what was kept, per data category, with the reason and the date it goes
 * @param completedAt when the service's local erasure committed
 * @param recipientsNotified the recipients this service told of the erasure (Art. 19), by their registered ids;
 *                           optional, empty when the service shares nothing
 */
public record ErasureCompleted(String requestId, String service, List<ErasedRecords> erased,
                               List<WithheldRecords> withheld, Instant completedAt,
                               List<String> recipientsNotified) implements EventPayload {

    public ErasureCompleted {
        EventFieldRules.opaqueId(requestId, "requestId");
        EventFieldRules.serviceName(service, "service");
        erased = EventFieldRules.listOf(erased, "erased");
        withheld = EventFieldRules.listOf(withheld, "withheld");
        EventFieldRules.required(completedAt, "completedAt");
        recipientsNotified = EventFieldRules.listOf(recipientsNotified, "recipientsNotified");
        recipientsNotified.forEach(recipient -> EventFieldRules.opaqueId(recipient, "recipientsNotified"));
    }

    /** A receipt from a service that tells no recipients. */
    public ErasureCompleted(String requestId, String service, List<ErasedRecords> erased,
                            List<WithheldRecords> withheld, Instant completedAt) {
        this(requestId, service, erased, withheld, completedAt, List.of());
    }

    /** How many records of one category were erased or anonymised. */
    public record ErasedRecords(DataCategory category, long count) {

        public ErasedRecords {
            EventFieldRules.required(category, "erased.category");
            if (count < 0) {
                throw new IllegalArgumentException("erased.count must not be negative");
            }
        }
    }

    /**
     * Data of one category the service kept.
     *
     * @param until the date it will be erased, or null when it is kept indefinitely (the suppression list)
     */
    public record WithheldRecords(DataCategory category, WithheldReason reason, LocalDate until) {

        public WithheldRecords {
            EventFieldRules.required(category, "withheld.category");
            EventFieldRules.required(reason, "withheld.reason");
        }
    }
}
