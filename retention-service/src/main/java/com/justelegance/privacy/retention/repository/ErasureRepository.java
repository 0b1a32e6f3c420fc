package com.justelegance.privacy.retention.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Erasure on this service's side: deleting subjects' timelines, the tombstones that remain, and the receipts other
 * services send for the erasures this service requested. Subjects appear here only as keyed hashes, except in
 * the statements that delete them.
 */
@ApplicationScoped
public class ErasureRepository {

    /** The tables that hold a subject's data, by subject id, apart from legal holds. */
    private static final List<String> SUBJECT_TABLES = List.of(
            "timeline_entry", "subject_timeline", "complaint_hold", "subject_request_hold");

    private final EntityManager entityManager;

    public ErasureRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** What remains of an erased subject. */
    public record Tombstone(String subjectRef, Instant erasedAt, String reason, String requestId, int erasures) {
    }

    /** An erasure this service requested, and when every expected receipt was in. */
    public record RequestedErasure(String requestId, String subjectRef, String reason, UUID runId,
                                   Instant requestedAt, Instant closedAt) {
    }

    /** One service's receipt, its erased and withheld lists as the JSON of the event. */
    public record Receipt(String service, Instant completedAt, String erased, String withheld, Instant receivedAt) {
    }

    /**
     * Deletes everything held about the subjects except legal holds that are still active; returns the rows
     * deleted per subject.
     */
    public Map<String, Long> deleteSubjects(Collection<String> subjectIds, LocalDate today) {
        Map<String, Long> deleted = new HashMap<>();
        for (String table : SUBJECT_TABLES) {
            countPerSubject(deleted, entityManager.createNativeQuery(
                            "DELETE FROM " + table + " WHERE subject_id IN (:subjects) RETURNING subject_id")
                    .setParameter("subjects", subjectIds));
        }
        countPerSubject(deleted, entityManager.createNativeQuery("""
                        DELETE FROM legal_hold WHERE subject_id IN (:subjects)
                            AND (released_at IS NOT NULL OR ends_on < :today) RETURNING subject_id""")
                .setParameter("subjects", subjectIds)
                .setParameter("today", today));
        return deleted;
    }

    private static void countPerSubject(Map<String, Long> deleted, Query returningSubjectIds) {
        @SuppressWarnings("unchecked")
        List<String> rows = returningSubjectIds.getResultList();
        rows.forEach(subject -> deleted.merge(subject, 1L, Long::sum));
    }

    /** Records an erasure of the subject: the first creates its tombstone, a later one updates it. */
    public void recordTombstone(String subjectRef, Instant erasedAt, String reason, String requestId) {
        entityManager.createNativeQuery("""
                        INSERT INTO erasure_tombstone (subject_ref, erased_at, reason, request_id, erasures)
                        VALUES (:ref, :erasedAt, :reason, :requestId, 1)
                        ON CONFLICT (subject_ref) DO UPDATE SET erased_at = EXCLUDED.erased_at,
                            reason = EXCLUDED.reason, request_id = EXCLUDED.request_id,
                            erasures = erasure_tombstone.erasures + 1""")
                .setParameter("ref", subjectRef)
                .setParameter("erasedAt", erasedAt)
                .setParameter("reason", reason)
                .setParameter("requestId", requestId)
                .executeUpdate();
    }

    /** Which of the subject references have a tombstone. */
    public Set<String> tombstoned(Collection<String> subjectRefs) {
        @SuppressWarnings("unchecked")
        List<String> refs = entityManager.createNativeQuery(
                        "SELECT subject_ref FROM erasure_tombstone WHERE subject_ref IN (:refs)")
                .setParameter("refs", subjectRefs)
                .getResultList();
        return new HashSet<>(refs);
    }

    public Optional<Tombstone> tombstone(String subjectRef) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT subject_ref, erased_at, reason, request_id, erasures FROM erasure_tombstone
                        WHERE subject_ref = :ref""", Tuple.class)
                .setParameter("ref", subjectRef)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Tombstone(row.get(0, String.class),
                SqlTimestamps.instant(row.get(1)), row.get(2, String.class), row.get(3, String.class),
                ((Number) row.get(4)).intValue()));
    }

    /**
     * Records a service's receipt if it answers an erasure this service requested; a repeated receipt from the
     * same service changes nothing. Returns whether the request is this service's.
     */
    public boolean recordReceipt(String requestId, String service, Instant completedAt, String erased,
                                 String withheld, Instant receivedAt) {
        return entityManager.createNativeQuery("""
                        INSERT INTO erasure_receipt (request_id, service, completed_at, erased, withheld, received_at)
                        SELECT request_id, :service, :completedAt, :erased, :withheld, :receivedAt
                        FROM erasure_request WHERE request_id = :requestId
                        ON CONFLICT (request_id, service) DO NOTHING""")
                .setParameter("requestId", requestId)
                .setParameter("service", service)
                .setParameter("completedAt", completedAt)
                .setParameter("erased", erased)
                .setParameter("withheld", withheld)
                .setParameter("receivedAt", receivedAt)
                .executeUpdate() > 0;
    }

    /**
     * Closes those of the requests for which every expected service has sent its receipt.
     *
     * <p>The open requests are locked first: two transactions each recording the last-but-one and the last receipt
     * would otherwise each count only their own and neither would close the request. Waiting for the lock lets the
     * count see the receipts committed meanwhile. ({@code NO KEY UPDATE} does not conflict with the key-share lock
     * a receipt's foreign key takes.)
     */
    public int closeAnswered(Collection<String> requestIds, Collection<String> expectedServices, Instant now) {
        entityManager.createNativeQuery("""
                        SELECT request_id FROM erasure_request WHERE request_id IN (:requests) AND closed_at IS NULL
                        ORDER BY request_id FOR NO KEY UPDATE""")
                .setParameter("requests", requestIds)
                .getResultList();
        return entityManager.createNativeQuery("""
                        UPDATE erasure_request r SET closed_at = :now
                        WHERE r.request_id IN (:requests) AND r.closed_at IS NULL
                          AND (SELECT count(*) FROM erasure_receipt e
                               WHERE e.request_id = r.request_id AND e.service IN (:expected)) = :expectedCount""")
                .setParameter("now", now)
                .setParameter("requests", requestIds)
                .setParameter("expected", expectedServices)
                .setParameter("expectedCount", expectedServices.size())
                .executeUpdate();
    }

    public Optional<RequestedErasure> request(String requestId) {
        return requests("WHERE request_id = :key", "key", requestId, 1).stream().findFirst();
    }

    /** The erasures a purge run requested, oldest first. */
    public List<RequestedErasure> requestsOfRun(UUID runId, int limit) {
        return requests("WHERE run_id = :key", "key", runId, limit);
    }

    /** How many of each run's erasures have every expected receipt. */
    public Map<UUID, Integer> confirmedPerRun(Collection<UUID> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT run_id, count(*) AS confirmed FROM erasure_request
                        WHERE run_id IN (:runs) AND closed_at IS NOT NULL GROUP BY run_id""", Tuple.class)
                .setParameter("runs", runIds)
                .getResultList();
        Map<UUID, Integer> confirmed = new HashMap<>();
        rows.forEach(row -> confirmed.put((UUID) row.get(0), ((Number) row.get(1)).intValue()));
        return confirmed;
    }

    public List<Receipt> receipts(String requestId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT service, completed_at, erased, withheld, received_at FROM erasure_receipt
                        WHERE request_id = :requestId ORDER BY received_at, service""", Tuple.class)
                .setParameter("requestId", requestId)
                .getResultList();
        return rows.stream().map(row -> new Receipt(row.get(0, String.class), SqlTimestamps.instant(row.get(1)),
                row.get(2, String.class), row.get(3, String.class), SqlTimestamps.instant(row.get(4)))).toList();
    }

    private List<RequestedErasure> requests(String filter, String key, Object value, int limit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT request_id, subject_ref, reason, run_id, requested_at, closed_at FROM erasure_request
                        %s ORDER BY requested_at, request_id LIMIT :limit""".formatted(filter), Tuple.class)
                .setParameter(key, value)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new RequestedErasure(row.get(0, String.class), row.get(1, String.class),
                row.get(2, String.class), (UUID) row.get(3), SqlTimestamps.instant(row.get(4)),
                SqlTimestamps.instant(row.get(5)))).toList();
    }
}
