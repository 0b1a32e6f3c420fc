package com.justelegance.privacy.events;

import java.util.Arrays;
import java.util.Optional;

/** Each event's wire name, payload type, current schema version and topic. */
public enum EventType {
    ORDER_PLACED("OrderPlaced", OrderPlaced.class, 1, Topics.STOREFRONT_ACTIVITY),
    CUSTOMER_CONTACTED("CustomerContacted", CustomerContacted.class, 1, Topics.STOREFRONT_ACTIVITY),
    ACCOUNT_OPENED("AccountOpened", AccountOpened.class, 1, Topics.STOREFRONT_ACTIVITY),
    ACCOUNT_CLOSED("AccountClosed", AccountClosed.class, 1, Topics.STOREFRONT_ACTIVITY),
    CONSENT_CHANGED("ConsentChanged", ConsentChanged.class, 1, Topics.CONSENT),
    ERASURE_REQUESTED("ErasureRequested", ErasureRequested.class, 1, Topics.ERASURE_REQUESTS),
    ERASURE_COMPLETED("ErasureCompleted", ErasureCompleted.class, 1, Topics.ERASURE_RECEIPTS),
    RECTIFICATION_REQUESTED("RectificationRequested", RectificationRequested.class, 1, Topics.RECTIFICATION_REQUESTS),
    SUBJECT_REQUEST_OPENED("SubjectRequestOpened", SubjectRequestOpened.class, 1, Topics.SUBJECT_REQUESTS),
    SUBJECT_REQUEST_CLOSED("SubjectRequestClosed", SubjectRequestClosed.class, 1, Topics.SUBJECT_REQUESTS),
    PROCESSING_RESTRICTED("ProcessingRestricted", ProcessingRestricted.class, 1, Topics.SUBJECT_REQUESTS),
    PROCESSING_RESTRICTION_LIFTED("ProcessingRestrictionLifted", ProcessingRestrictionLifted.class, 1,
            Topics.SUBJECT_REQUESTS);

    private final String wireName;
    private final Class<? extends EventPayload> payloadType;
    private final int schemaVersion;
    private final String topic;

    EventType(String wireName, Class<? extends EventPayload> payloadType, int schemaVersion, String topic) {
        this.wireName = wireName;
        this.payloadType = payloadType;
        this.schemaVersion = schemaVersion;
        this.topic = topic;
    }

    /** The name in the envelope's {@code eventType} field. */
    public String wireName() {
        return wireName;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** The schema version producers write today. */
    public int schemaVersion() {
        return schemaVersion;
    }

    public String topic() {
        return topic;
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values())
                .filter(type -> type.payloadType.isInstance(payload))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + payload.getClass()));
    }
}
