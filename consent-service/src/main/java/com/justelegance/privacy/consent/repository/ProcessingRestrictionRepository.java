package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Restrictions of processing (Art. 18) per subject and request: when each began and, once lifted, when it ended.
 * A subject is restricted while any of its restrictions is not lifted.
 */
@ApplicationScoped
public class ProcessingRestrictionRepository {

    private final EntityManager entityManager;

    public ProcessingRestrictionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records that the request restricted the subject; false when it already had (a restriction lifted once stays
     * lifted, so a repeated announcement cannot restrict again).
     */
    public boolean restrict(String subjectId, String requestId, Instant at) {
        return entityManager.createNativeQuery("""
                        INSERT INTO processing_restriction (subject_id, request_id, restricted_at)
                        VALUES (:subject, :request, :at) ON CONFLICT DO NOTHING""")
                .setParameter("subject", subjectId)
                .setParameter("request", requestId)
                .setParameter("at", at)
                .executeUpdate() == 1;
    }

    /** Lifts the request's restriction of the subject; false when there was none in force. */
    public boolean lift(String subjectId, String requestId, Instant at) {
        return entityManager.createNativeQuery("""
                        UPDATE processing_restriction SET lifted_at = :at
                        WHERE subject_id = :subject AND request_id = :request AND lifted_at IS NULL""")
                .setParameter("subject", subjectId)
                .setParameter("request", requestId)
                .setParameter("at", at)
                .executeUpdate() == 1;
    }

    /** When the subject's oldest restriction in force began; empty when none is in force. */
    public Optional<Instant> restrictedSince(String subjectId) {
        Object since = entityManager.createNativeQuery("""
                        SELECT min(restricted_at) FROM processing_restriction
                        WHERE subject_id = :subject AND lifted_at IS NULL""")
                .setParameter("subject", subjectId)
                .getSingleResult();
        return Optional.ofNullable(since).map(SqlTimes::instant);
    }

    /** One restriction of a subject: the request that asked for it, when it began and when it was lifted (or null). */
    public record Restriction(String requestId, Instant restrictedAt, Instant liftedAt) {
    }

    /** The subject's restrictions, oldest first, lifted ones too. */
    public List<Restriction> forSubject(String subjectId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT request_id, restricted_at, lifted_at FROM processing_restriction
                        WHERE subject_id = :subject ORDER BY restricted_at, request_id""", Tuple.class)
                .setParameter("subject", subjectId)
                .getResultList();
        return rows.stream().map(row -> new Restriction(row.get("request_id", String.class),
                SqlTimes.instant(row.get("restricted_at")), SqlTimes.instant(row.get("lifted_at")))).toList();
    }

    /** Deletes the subject's restrictions, lifted or not; returns how many went. */
    public int deleteForSubject(String subjectId) {
        return entityManager.createNativeQuery("DELETE FROM processing_restriction WHERE subject_id = :subject")
                .setParameter("subject", subjectId)
                .executeUpdate();
    }
}
