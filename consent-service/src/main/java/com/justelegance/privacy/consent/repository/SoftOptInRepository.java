package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.consent.domain.SoftOptInStatus;
import com.justelegance.privacy.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The orders the storefront reported per subject (ids only) and the soft opt-ins waiting for, or resolved by,
 * them. Status changes are conditional updates from PENDING, so a soft opt-in is confirmed or lapsed exactly once.
 */
@ApplicationScoped
public class SoftOptInRepository {

    private final EntityManager entityManager;

    public SoftOptInRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Whose order an order id is, as far as this service knows. */
    public enum OrderOwner {
        /** The subject's own order. */
        SUBJECT,
        /** Reported for someone else only. */
        SOMEONE_ELSE,
        /** Not reported (yet). */
        UNKNOWN
    }

    public void rememberOrder(String subjectId, String orderId, Instant at) {
        entityManager.createNativeQuery("""
                        INSERT INTO known_order (subject_id, order_id, learnt_at) VALUES (:subject, :order, :at)
                        ON CONFLICT DO NOTHING""")
                .setParameter("subject", subjectId)
                .setParameter("order", orderId)
                .setParameter("at", at)
                .executeUpdate();
    }

    public OrderOwner ownerOf(String orderId, String subjectId) {
        @SuppressWarnings("unchecked")
        List<String> owners = entityManager.createNativeQuery(
                        "SELECT subject_id FROM known_order WHERE order_id = :order")
                .setParameter("order", orderId)
                .getResultList();
        if (owners.contains(subjectId)) {
            return OrderOwner.SUBJECT;
        }
        return owners.isEmpty() ? OrderOwner.UNKNOWN : OrderOwner.SOMEONE_ELSE;
    }

    /** Records a soft opt-in whose order was known: it took effect at once. */
    public void addConfirmed(UUID decisionId, String subjectId, String orderId, Instant at) {
        entityManager.createNativeQuery("""
                        INSERT INTO soft_opt_in (decision_id, subject_id, order_id, status, resolved_at)
                        VALUES (:decision, :subject, :order, 'CONFIRMED', :at)""")
                .setParameter("decision", decisionId)
                .setParameter("subject", subjectId)
                .setParameter("order", orderId)
                .setParameter("at", at)
                .executeUpdate();
    }

    /** Records a soft opt-in that waits for its order until {@code lapsesAt}. */
    public void addPending(UUID decisionId, String subjectId, String orderId, Instant lapsesAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO soft_opt_in (decision_id, subject_id, order_id, status, lapses_at)
                        VALUES (:decision, :subject, :order, 'PENDING', :lapsesAt)""")
                .setParameter("decision", decisionId)
                .setParameter("subject", subjectId)
                .setParameter("order", orderId)
                .setParameter("lapsesAt", lapsesAt)
                .executeUpdate();
    }

    /** A soft opt-in waiting for an order, and until when it may. */
    public record Waiting(UUID decisionId, Instant lapsesAt) {
    }

    @SuppressWarnings("unchecked")
    public List<Waiting> waitingFor(String subjectId, String orderId) {
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT decision_id, lapses_at FROM soft_opt_in
                        WHERE subject_id = :subject AND order_id = :order AND status = 'PENDING'
                        ORDER BY lapses_at""", Tuple.class)
                .setParameter("subject", subjectId)
                .setParameter("order", orderId)
                .getResultList();
        return rows.stream()
                .map(row -> new Waiting(uuid(row.get("decision_id")), SqlTimes.instant(row.get("lapses_at"))))
                .toList();
    }

    /** Moves a waiting soft opt-in to CONFIRMED or LAPSED; false when it was no longer waiting. */
    public boolean resolve(UUID decisionId, SoftOptInStatus status, Instant at) {
        return entityManager.createNativeQuery("""
                        UPDATE soft_opt_in SET status = :status, resolved_at = :at
                        WHERE decision_id = :decision AND status = 'PENDING'""")
                .setParameter("status", status.name())
                .setParameter("at", at)
                .setParameter("decision", decisionId)
                .executeUpdate() == 1;
    }

    /** Lapses every soft opt-in whose wait ended by {@code now}; returns how many. */
    public int lapseWaitingUntil(Instant now) {
        return entityManager.createNativeQuery("""
                        UPDATE soft_opt_in SET status = 'LAPSED', resolved_at = :now
                        WHERE status = 'PENDING' AND lapses_at <= :now""")
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Forgets orders learnt before the cutoff: long after any checkout could still send a soft opt-in for them. */
    public int forgetOrdersLearntBefore(Instant cutoff) {
        return entityManager.createNativeQuery("DELETE FROM known_order WHERE learnt_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    /** The status of each of the subject's soft opt-in decisions. */
    @SuppressWarnings("unchecked")
    public Map<UUID, SoftOptInStatus> statusesFor(String subjectId) {
        List<Tuple> rows = entityManager.createNativeQuery(
                        "SELECT decision_id, status FROM soft_opt_in WHERE subject_id = :subject", Tuple.class)
                .setParameter("subject", subjectId)
                .getResultList();
        Map<UUID, SoftOptInStatus> statuses = new HashMap<>();
        rows.forEach(row -> statuses.put(uuid(row.get("decision_id")),
                SoftOptInStatus.valueOf((String) row.get("status"))));
        return statuses;
    }

    /** The order ids known for the subject, for its access request. */
    @SuppressWarnings("unchecked")
    public List<String> ordersOf(String subjectId) {
        return entityManager.createNativeQuery(
                        "SELECT order_id FROM known_order WHERE subject_id = :subject ORDER BY learnt_at, order_id")
                .setParameter("subject", subjectId)
                .getResultList();
    }

    /** Deletes the subject's soft opt-in records (before its decisions) and returns how many went. */
    public int deleteSoftOptInsFor(String subjectId) {
        return entityManager.createNativeQuery("DELETE FROM soft_opt_in WHERE subject_id = :subject")
                .setParameter("subject", subjectId)
                .executeUpdate();
    }

    /** Deletes the subject's known orders and returns how many went. */
    public int deleteOrdersOf(String subjectId) {
        return entityManager.createNativeQuery("DELETE FROM known_order WHERE subject_id = :subject")
                .setParameter("subject", subjectId)
                .executeUpdate();
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
