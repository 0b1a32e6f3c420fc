package com.justelegance.privacy.consent.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;

/** Subjects erased here, known only by the keyed hash of their id. */
@ApplicationScoped
public class ErasedSubjectRepository {

    private final EntityManager entityManager;

    public ErasedSubjectRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean contains(String subjectRef) {
        return !entityManager.createNativeQuery("SELECT 1 FROM erased_subject WHERE subject_ref = :ref")
                .setParameter("ref", subjectRef)
                .getResultList().isEmpty();
    }

    public void add(String subjectRef, String requestId, Instant at) {
        entityManager.createNativeQuery("""
                        INSERT INTO erased_subject (subject_ref, request_id, erased_at) VALUES (:ref, :request, :at)
                        ON CONFLICT DO NOTHING""")
                .setParameter("ref", subjectRef)
                .setParameter("request", requestId)
                .setParameter("at", at)
                .executeUpdate();
    }
}
