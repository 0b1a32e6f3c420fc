package com.justelegance.privacy.consent.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.UUID;

/** Which unsubscribe tokens were used: the token's random id and expiry, nothing about the person. */
@ApplicationScoped
public class UnsubscribeRedemptionRepository {

    private final EntityManager entityManager;

    public UnsubscribeRedemptionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Marks the token used; true the first time only. A concurrent second use waits for the first to commit and
     * then finds the row.
     */
    public boolean claim(UUID tokenId, Instant at, Instant expiresAt) {
        return entityManager.createNativeQuery("""
                        INSERT INTO unsubscribe_redemption (token_id, redeemed_at, expires_at)
                        VALUES (:token, :at, :expires) ON CONFLICT DO NOTHING""")
                .setParameter("token", tokenId)
                .setParameter("at", at)
                .setParameter("expires", expiresAt)
                .executeUpdate() == 1;
    }

    /** Whether the token was redeemed before; reads only. */
    public boolean isClaimed(UUID tokenId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM unsubscribe_redemption WHERE token_id = :token")
                .setParameter("token", tokenId)
                .getResultList().isEmpty();
    }

    public int deleteExpiredBefore(Instant cutoff) {
        return entityManager.createNativeQuery("DELETE FROM unsubscribe_redemption WHERE expires_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
