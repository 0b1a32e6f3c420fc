package com.justelegance.privacy.disclosure.repository;

import com.justelegance.privacy.events.codes.ConsentState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local projection of consent-service's ConsentChanged events: each subject's latest state per purpose. Only
 * ever moves to a state at least as recent as the one it holds.
 */
@ApplicationScoped
public class SubjectConsentRepository {

    private final EntityManager entityManager;

    public SubjectConsentRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A subject's state for one purpose as of {@code effectiveAt}. */
    public record ConsentFact(String subjectId, String purposeCode, ConsentState state, Instant effectiveAt) {
    }

    /**
     * Applies the facts in one statement; each (subject, purpose) may appear at most once. Returns the facts that
     * became the held state: not those older than what was held.
     */
    public List<ConsentFact> apply(Collection<ConsentFact> facts) {
        if (facts.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> applied = entityManager.createNativeQuery("""
                        INSERT INTO subject_consent (subject_id, purpose_code, state, effective_at)
                        SELECT * FROM unnest(:subjects, :purposes, :states, :effective)
                        ON CONFLICT (subject_id, purpose_code) DO UPDATE
                        SET state = EXCLUDED.state, effective_at = EXCLUDED.effective_at
                        WHERE subject_consent.effective_at <= EXCLUDED.effective_at
                        RETURNING subject_id, purpose_code""", Tuple.class)
                .setParameter("subjects", facts.stream().map(ConsentFact::subjectId).toArray(String[]::new))
                .setParameter("purposes", facts.stream().map(ConsentFact::purposeCode).toArray(String[]::new))
                .setParameter("states", facts.stream().map(fact -> fact.state().name()).toArray(String[]::new))
                .setParameter("effective", facts.stream().map(ConsentFact::effectiveAt).toArray(Instant[]::new))
                .getResultList();
        Set<List<String>> appliedKeys = new HashSet<>();
        applied.forEach(row -> appliedKeys.add(List.of((String) row.get("subject_id"),
                (String) row.get("purpose_code"))));
        return facts.stream()
                .filter(fact -> appliedKeys.contains(List.of(fact.subjectId(), fact.purposeCode())))
                .toList();
    }

    /**
     * Takes a transaction lock per consent purpose, in a fixed order so that two transactions never deadlock. An
     * audience upload under a purpose and a consent batch taking that purpose's consent away hold it in turn, so
     * whichever commits second sees the other: the upload then reads the withdrawal and leaves the subject out, or
     * the withdrawal finds the upload and tells its recipient.
     */
    public void lockPurposes(Collection<String> purposeCodes) {
        if (purposeCodes.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                        SELECT count(pg_advisory_xact_lock(k)) FROM (
                            SELECT DISTINCT hashtextextended('consent-purpose:' || p, 0) AS k
                            FROM unnest(:purposes) AS p
                            ORDER BY k) AS keys""")
                .setParameter("purposes", purposeCodes.toArray(String[]::new))
                .getSingleResult();
    }

    public Optional<ConsentState> stateOf(String subjectId, String purposeCode) {
        return statesOf(List.of(subjectId), purposeCode).values().stream().findFirst();
    }

    /** The known states for one purpose of the given subjects; subjects with no known state are absent. */
    public Map<String, ConsentState> statesOf(Collection<String> subjectIds, String purposeCode) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT subject_id, state FROM subject_consent
                        WHERE purpose_code = :purpose AND subject_id IN (:subjects)""", Tuple.class)
                .setParameter("purpose", purposeCode)
                .setParameter("subjects", subjectIds)
                .getResultList();
        Map<String, ConsentState> states = new HashMap<>();
        rows.forEach(row -> states.put((String) row.get("subject_id"),
                ConsentState.valueOf((String) row.get("state"))));
        return states;
    }

    /** Forgets everything known about the subject's consents; returns how many purposes were known. */
    public int eraseSubject(String subjectId) {
        return entityManager.createNativeQuery("DELETE FROM subject_consent WHERE subject_id = :subject")
                .setParameter("subject", subjectId)
                .executeUpdate();
    }
}
