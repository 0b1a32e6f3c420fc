package com.justelegance.privacy.kit.testapp;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads and adjusts the kit's outbox rows directly, as a test needs to see what the relay left behind. */
@ApplicationScoped
public class OutboxRows {

    /** An outbox row as the relay left it. */
    public record Row(UUID eventId, Instant sentAt, int attempts, String lastError) {

        public boolean sent() {
            return sentAt != null;
        }
    }

    private final EntityManager entityManager;

    public OutboxRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The rows of these events that still exist, by event id. */
    public Map<UUID, Row> of(Collection<UUID> eventIds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = entityManager.createNativeQuery("""
                            SELECT event_id, sent_at, attempts, last_error FROM outbox_event
                            WHERE event_id IN (:ids)""", Tuple.class)
                    .setParameter("ids", eventIds)
                    .getResultList();
            return rows.stream()
                    .map(row -> new Row((UUID) row.get("event_id"), instant(row.get("sent_at")),
                            ((Number) row.get("attempts")).intValue(), (String) row.get("last_error")))
                    .collect(Collectors.toMap(Row::eventId, Function.identity()));
        });
    }

    /** The row of one event; fails if it is gone. */
    public Row of(UUID eventId) {
        Row row = of(List.of(eventId)).get(eventId);
        if (row == null) {
            throw new AssertionError("No outbox row for event " + eventId);
        }
        return row;
    }

    /** Sets when a row was written and, if not null, when it was sent. */
    public void backdate(UUID eventId, Instant createdAt, Instant sentAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("UPDATE outbox_event SET created_at = :created WHERE event_id = :id")
                    .setParameter("created", createdAt)
                    .setParameter("id", eventId)
                    .executeUpdate();
            if (sentAt != null) {
                entityManager.createNativeQuery("UPDATE outbox_event SET sent_at = :sent WHERE event_id = :id")
                        .setParameter("sent", sentAt)
                        .setParameter("id", eventId)
                        .executeUpdate();
            }
        });
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
        };
    }
}
