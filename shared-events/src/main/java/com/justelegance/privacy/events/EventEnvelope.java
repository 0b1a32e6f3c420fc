package com.justelegance.privacy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every Kafka record carries: identity, type and version of the event, the subject it concerns (also the
 * record key), who produced it, and the payload.
 *
 * @param eventId       unique per event; consumers use it to ignore redeliveries
 * @param eventType     the payload's wire name, see {@link EventType}
 * @param schemaVersion the payload schema version the producer wrote
 * @param occurredAt    when the fact happened at the producer
 * @param subjectId     the opaque id of the person the event concerns; never an e-mail address or a name
 * @param producer      the producing system, e.g. {@code storefront} or {@code consent-service}
 * @param correlationId what caused this event: the {@code eventId} of the event it answers (an ErasureCompleted
 *                      carries its ErasureRequested's eventId), or the id of the run or request that produced it
 *                      (a purge run); null when it was caused by nothing we track
 * @param payload       the event itself
 */
public record EventEnvelope<P extends EventPayload>(UUID eventId, String eventType, int schemaVersion,
                                                    Instant occurredAt, String subjectId, String producer,
                                                    UUID correlationId, P payload) {

    public EventEnvelope {
        EventFieldRules.required(eventId, "eventId");
        EventFieldRules.required(eventType, "eventType");
        EventFieldRules.required(occurredAt, "occurredAt");
        EventFieldRules.opaqueId(subjectId, "subjectId");
        EventFieldRules.serviceName(producer, "producer");
        EventFieldRules.required(payload, "payload");
        if (!EventType.of(payload).wireName().equals(eventType)) {
            throw new IllegalArgumentException("eventType does not match the payload");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be 1 or more");
        }
    }

    /** A new event with a fresh id, the payload's current schema version and no correlation. */
    public static <P extends EventPayload> EventEnvelope<P> create(String subjectId, String producer,
                                                                   Instant occurredAt, P payload) {
        return create(subjectId, producer, occurredAt, null, payload);
    }

    /** A new event caused by an earlier request or event. */
    public static <P extends EventPayload> EventEnvelope<P> create(String subjectId, String producer,
                                                                   Instant occurredAt, UUID correlationId,
                                                                   P payload) {
        EventType type = EventType.of(payload);
        return new EventEnvelope<>(UUID.randomUUID(), type.wireName(), type.schemaVersion(), occurredAt, subjectId,
                producer, correlationId, payload);
    }

    public EventType type() {
        return EventType.of(payload);
    }

    /** The topic this event belongs on. */
    public String topic() {
        return type().topic();
    }
}
