package com.justelegance.privacy.retention.messaging;

import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.EventPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The kit's outbox for many events at once: the same rows in {@code outbox_event}, written in the caller's
 * transaction, but as one JDBC batch instead of one statement per event, so a purge requesting thousands of
 * erasures stays set-based. The kit's relay publishes them (on its next poll: it is not woken as the kit's
 * {@code Outbox} wakes it). Meant to move into the kit as {@code Outbox.publishAll}.
 */
@ApplicationScoped
public class BatchOutbox {

    private final EntityManager entityManager;
    private final Clock clock;
    private final String producerName;

    public BatchOutbox(EntityManager entityManager, Clock clock,
                       @ConfigProperty(name = "quarkus.application.name") String producerName) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.producerName = producerName;
    }

    /** A new event about a subject, produced by this service now, caused by {@code correlationId}. */
    public <P extends EventPayload> EventEnvelope<P> envelope(String subjectId, P payload, UUID correlationId) {
        return EventEnvelope.create(subjectId, producerName, clock.instant(), correlationId, payload);
    }

    /** Publishes the envelopes, in this order, if and only if the caller's transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<? extends EventEnvelope<?>> envelopes) {
        if (envelopes.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (event_id, topic, event_key, event_type, payload)
                    VALUES (?, ?, ?, ?, CAST(? AS jsonb))""")) {
                for (EventEnvelope<?> envelope : envelopes) {
                    insert.setObject(1, envelope.eventId());
                    insert.setString(2, envelope.topic());
                    insert.setString(3, envelope.subjectId());
                    insert.setString(4, envelope.eventType());
                    insert.setString(5, EventCodec.encode(envelope));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
