package com.justelegance.privacy.kit.outbox;

import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.EventPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.UUID;

/**
 * Where a service publishes events: the envelope is inserted into {@code outbox_event} inside the caller's
 * transaction, so it is published if and only if the state change commits. {@link OutboxRelay} sends it as soon
 * as that transaction commits.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final Clock clock;
    private final String producerName;
    private final Event<OutboxWritten> written;

    public Outbox(EntityManager entityManager, Clock clock,
                  @ConfigProperty(name = "quarkus.application.name") String producerName,
                  Event<OutboxWritten> written) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.producerName = producerName;
        this.written = written;
    }

    /** Publishes a new event about a subject, produced by this service now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P extends EventPayload> EventEnvelope<P> publish(String subjectId, P payload) {
        return publish(subjectId, payload, null);
    }

    /** Publishes a new event caused by an earlier request or event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P extends EventPayload> EventEnvelope<P> publish(String subjectId, P payload, UUID correlationId) {
        EventEnvelope<P> envelope = EventEnvelope.create(subjectId, producerName, clock.instant(), correlationId,
                payload);
        publish(envelope);
        return envelope;
    }

    /** Publishes an envelope built by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(EventEnvelope<?> envelope) {
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (event_id, topic, event_key, event_type, payload)
                        VALUES (:eventId, :topic, :eventKey, :eventType, CAST(:payload AS jsonb))""")
                .setParameter("eventId", envelope.eventId())
                .setParameter("topic", envelope.topic())
                .setParameter("eventKey", envelope.subjectId())
                .setParameter("eventType", envelope.eventType())
                .setParameter("payload", EventCodec.encode(envelope))
                .executeUpdate();
        written.fire(new OutboxWritten());
    }
}
