package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What each data-subject request did here, once per request, subject and kind of action, so that a retry with the
 * same request id is answered from the record instead of being carried out again.
 */
@ApplicationScoped
public class SubjectRequestActionRepository {

    private final EntityManager entityManager;

    public SubjectRequestActionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * An action carried out for a request.
     *
     * @param decisionId the decision recorded, or null when nothing needed recording
     */
    public record Action(UUID decisionId, List<String> purposesChanged, int suppressionEntriesAdded,
                         Instant carriedOutAt) {
    }

    public Optional<Action> find(String requestId, String subjectId, String action) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT decision_id, purposes_changed, suppression_entries_added, carried_out_at
                        FROM subject_request_action
                        WHERE request_id = :request AND subject_id = :subject AND action = :action""", Tuple.class)
                .setParameter("request", requestId)
                .setParameter("subject", subjectId)
                .setParameter("action", action)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Action(row.get("decision_id", UUID.class),
                codes(row.get("purposes_changed", String.class)),
                ((Number) row.get("suppression_entries_added")).intValue(),
                SqlTimes.instant(row.get("carried_out_at"))));
    }

    /** Records the action; the caller holds the subject's lock and has checked that it was not recorded before. */
    public void insert(String requestId, String subjectId, String action, Action done) {
        entityManager.createNativeQuery("""
                        INSERT INTO subject_request_action (request_id, subject_id, action, decision_id,
                            purposes_changed, suppression_entries_added, carried_out_at)
                        VALUES (:request, :subject, :action, :decision, :purposes, :suppressed, :at)""")
                .setParameter("request", requestId)
                .setParameter("subject", subjectId)
                .setParameter("action", action)
                .setParameter("decision", done.decisionId())
                .setParameter("purposes", String.join(",", done.purposesChanged()))
                .setParameter("suppressed", done.suppressionEntriesAdded())
                .setParameter("at", done.carriedOutAt())
                .executeUpdate();
    }

    /** Deletes the subject's records (before its decisions, which they refer to); returns how many went. */
    public int deleteForSubject(String subjectId) {
        return entityManager.createNativeQuery("DELETE FROM subject_request_action WHERE subject_id = :subject")
                .setParameter("subject", subjectId)
                .executeUpdate();
    }

    private static List<String> codes(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
