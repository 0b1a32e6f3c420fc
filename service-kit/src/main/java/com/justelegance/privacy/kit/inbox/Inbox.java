package com.justelegance.privacy.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The record of which events a consumer has applied ({@code processed_event}). Claiming an event id inside the
 * consumer's transaction makes a redelivered event a no-op.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the event ids as processed by the consumer and returns those that were not recorded before, in one
     * round trip. Must run in the transaction that applies the events.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> claimNew(String consumer, List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> inserted = entityManager.createNativeQuery("""
                        INSERT INTO processed_event (consumer, event_id)
                        SELECT :consumer, id FROM unnest(:ids) AS id
                        ON CONFLICT DO NOTHING
                        RETURNING event_id""")
                .setParameter("consumer", consumer)
                .setParameter("ids", eventIds.toArray(UUID[]::new))
                .getResultList();
        Set<UUID> fresh = new HashSet<>();
        for (Object id : inserted) {
            fresh.add(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
        }
        return fresh;
    }
}
