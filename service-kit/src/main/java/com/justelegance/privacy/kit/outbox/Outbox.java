package com.justelegance.privacy.kit.outbox;

import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.EventPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
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

    /** Publishes a new event caused by an earlier event or request (see {@link EventEnvelope#correlationId()}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P extends EventPayload> EventEnvelope<P> publish(String subjectId, P payload, UUID correlationId) {
        EventEnvelope<P> envelope = envelope(subjectId, payload, correlationId);
        publishAll(List.of(envelope));
        return envelope;
    }

    /** A new event about a subject, produced by this service now, for {@link #publishAll}. */
    public <P extends EventPayload> EventEnvelope<P> envelope(String subjectId, P payload, UUID correlationId) {
        return EventEnvelope.create(subjectId, producerName, clock.instant(), correlationId, payload);
    }

    /**
     * Publishes the envelopes, in this order, if and only if the caller's transaction commits: one JDBC batch
     * however many there are, so a job requesting thousands of erasures stays set-based.
     */
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
        written.fire(new OutboxWritten());
    }
}
