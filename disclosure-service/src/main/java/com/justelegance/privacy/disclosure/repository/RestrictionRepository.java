package com.justelegance.privacy.disclosure.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Restrictions of processing (Art. 18), one row per dsr-service request. A subject is restricted while any of its
 * requests is restricted and not lifted; a lift that arrives first is kept, so its restriction never takes hold.
 */
@ApplicationScoped
public class RestrictionRepository {

    private final EntityManager entityManager;

    public RestrictionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the request's restriction. Returns false when the request is already known: a redelivery, or a lift
     * that arrived before it (which then stands).
     */
    public boolean restrict(String subjectId, String requestId, Instant restrictedAt) {
        return entityManager.createNativeQuery("""
                        INSERT INTO processing_restriction (subject_id, request_id, restricted_at)
                        VALUES (:subject, :request, :at)
                        ON CONFLICT (subject_id, request_id) DO NOTHING""")
                .setParameter("subject", subjectId)
                .setParameter("request", requestId)
                .setParameter("at", restrictedAt)
                .executeUpdate() == 1;
    }

    /** Lifts the request's restriction, or records the lift for a restriction that has not arrived yet. */
    public void lift(String subjectId, String requestId, Instant liftedAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO processing_restriction (subject_id, request_id, lifted_at)
                        VALUES (:subject, :request, :at)
                        ON CONFLICT (subject_id, request_id) DO UPDATE SET lifted_at = EXCLUDED.lifted_at
                        WHERE processing_restriction.lifted_at IS NULL""")
                .setParameter("subject", subjectId)
                .setParameter("request", requestId)
                .setParameter("at", liftedAt)
                .executeUpdate();
    }

    public boolean isRestricted(String subjectId) {
        return !restrictedAmong(List.of(subjectId)).isEmpty();
    }

    /** The subjects among these whose processing is restricted now. */
    public Set<String> restrictedAmong(Collection<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> restricted = entityManager.createNativeQuery("""
                        SELECT DISTINCT subject_id FROM processing_restriction
                        WHERE subject_id IN (:subjects) AND lifted_at IS NULL""", String.class)
                .setParameter("subjects", subjectIds)
                .getResultList();
        return new HashSet<>(restricted);
    }

    /** Forgets the subject's restrictions, lifted or not; returns how many requests were known. */
    public int eraseSubject(String subjectId) {
        return entityManager.createNativeQuery("DELETE FROM processing_restriction WHERE subject_id = :subject")
                .setParameter("subject", subjectId)
                .executeUpdate();
    }
}
