package com.justelegance.privacy.retention.repository;

import com.justelegance.privacy.kit.erasure.ErasureReceipts;
import com.justelegance.privacy.kit.persistence.SqlTimes;
import com.justelegance.privacy.retention.domain.PurgeRun;
import com.justelegance.privacy.retention.domain.RetentionAnchor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The purge's view of the timelines: who is due, who of them is held, claiming due subjects so that concurrent
 * runs never take the same one, and the run log. Everything is set-based; no subject is evaluated one by one.
 */
@ApplicationScoped
public class PurgeRepository implements PanacheRepositoryBase<PurgeRun, UUID> {

    /** Subjects due by {@code :dueBy} whose erasure was not requested yet. */
    private static final String DUE = "t.erasure_requested_at IS NULL AND t.erasure_due_at <= :dueBy";

    /**
     * SQL that is true when the subject in {@code t.subject_id} is held: anything in the view {@code subject_hold}
     * (an active legal hold on the day given as {@code :holdDay}, an open complaint, an open data-subject request,
     * a restriction not lifted). The purge, its preview and the holds API share that view.
     */
    private static final String SUBJECT_IS_HELD = """
            EXISTS (SELECT 1 FROM subject_hold h WHERE h.subject_id = t.subject_id
                    AND (h.until IS NULL OR h.until >= :holdDay))""";

    private final EntityManager entityManager;

    public PurgeRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A due subject: its id, due date, and whether its data reappeared after an earlier erasure. */
    public record DueSubject(String subjectId, Instant erasureDueAt, boolean reappeared) {
    }

    /**
     * How many subjects are due by an instant, how many of those are held, and how many of the erasable ones have
     * records of each anchor's kind (the per-category counts of a preview).
     */
    public record DueCounts(int due, int held, Map<RetentionAnchor, Integer> erasableByAnchor) {

        public int erasable() {
            return due - held;
        }
    }

    /**
     * Counts the subjects due by {@code dueBy}; legal holds are judged as on {@code holdDay}, complaints and
     * requests as they are now.
     */
    public DueCounts countDue(Instant dueBy, LocalDate holdDay) {
        Tuple row = (Tuple) entityManager.createNativeQuery("""
                        SELECT count(*) AS due,
                               count(*) FILTER (WHERE held) AS held,
                               count(*) FILTER (WHERE NOT held) AS last_contact,
                               count(*) FILTER (WHERE NOT held AND last_order_at IS NOT NULL) AS order_date,
                               count(*) FILTER (WHERE NOT held AND account_closed_at IS NOT NULL) AS account_closed,
                               count(*) FILTER (WHERE NOT held AND consent_withdrawn_at IS NOT NULL)
                                   AS consent_withdrawn
                        FROM (SELECT t.last_order_at, t.account_closed_at, t.consent_withdrawn_at, %s AS held
                              FROM subject_timeline t WHERE %s) due""".formatted(SUBJECT_IS_HELD, DUE),
                        Tuple.class)
                .setParameter("dueBy", dueBy)
                .setParameter("holdDay", holdDay)
                .getSingleResult();
        Map<RetentionAnchor, Integer> byAnchor = new EnumMap<>(RetentionAnchor.class);
        byAnchor.put(RetentionAnchor.LAST_CONTACT, count(row, "last_contact"));
        byAnchor.put(RetentionAnchor.ORDER_DATE, count(row, "order_date"));
        byAnchor.put(RetentionAnchor.ACCOUNT_CLOSED, count(row, "account_closed"));
        byAnchor.put(RetentionAnchor.CONSENT_WITHDRAWN, count(row, "consent_withdrawn"));
        return new DueCounts(count(row, "due"), count(row, "held"), byAnchor);
    }

    /** The first {@code limit} erasable subjects due by {@code dueBy}, earliest due first, without claiming them. */
    public List<DueSubject> erasable(Instant dueBy, LocalDate holdDay, int limit) {
        return dueSubjects("""
                SELECT t.subject_id, t.erasure_due_at, t.reappeared_at IS NOT NULL AS reappeared
                FROM subject_timeline t WHERE %s AND NOT %s
                ORDER BY t.erasure_due_at, t.subject_id LIMIT :limit""", dueBy, holdDay, limit);
    }

    /** The first {@code limit} held subjects due by {@code dueBy}, earliest due first: who a run would skip. */
    public List<DueSubject> held(Instant dueBy, LocalDate holdDay, int limit) {
        return dueSubjects("""
                SELECT t.subject_id, t.erasure_due_at, t.reappeared_at IS NOT NULL AS reappeared
                FROM subject_timeline t WHERE %s AND %s
                ORDER BY t.erasure_due_at, t.subject_id LIMIT :limit""", dueBy, holdDay, limit);
    }

    /**
     * Claims up to {@code limit} erasable subjects due by {@code dueBy} for the caller's transaction. Rows another
     * run has claimed are skipped, not waited for; once that run commits they are no longer due.
     */
    public List<DueSubject> claimErasable(Instant dueBy, LocalDate holdDay, int limit) {
        return dueSubjects("""
                SELECT t.subject_id, t.erasure_due_at, t.reappeared_at IS NOT NULL AS reappeared
                FROM subject_timeline t WHERE %s AND NOT %s
                ORDER BY t.erasure_due_at LIMIT :limit
                FOR UPDATE OF t SKIP LOCKED""", dueBy, holdDay, limit);
    }

    /** Marks the subjects of requested erasures as requested, in one JDBC batch. */
    public void markRequested(List<ErasureReceipts.NewErasure> requests, Instant now) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement mark = connection.prepareStatement("""
                    UPDATE subject_timeline SET erasure_requested_at = ?, erasure_request_id = ?
                    WHERE subject_id = ?""")) {
                for (ErasureReceipts.NewErasure request : requests) {
                    SqlTimes.set(mark, 1, now);
                    mark.setString(2, request.requestId());
                    mark.setString(3, request.subjectId());
                    mark.addBatch();
                }
                mark.executeBatch();
            }
        });
    }

    /** Marks runs still RUNNING as failed; only for the holder of the {@link PurgeLock}, when none can be running. */
    public int abandonUnfinished(Instant now) {
        return entityManager.createNativeQuery(
                        "UPDATE purge_run SET status = 'FAILED', finished_at = :now WHERE status = 'RUNNING'")
                .setParameter("now", now)
                .executeUpdate();
    }

    /** The most recent runs, newest first. */
    public List<PurgeRun> recent(int limit) {
        return find("order by startedAt desc").page(0, limit).list();
    }

    private List<DueSubject> dueSubjects(String sql, Instant dueBy, LocalDate holdDay, int limit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery(sql.formatted(DUE, SUBJECT_IS_HELD),
                        Tuple.class)
                .setParameter("dueBy", dueBy)
                .setParameter("holdDay", holdDay)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> new DueSubject(row.get(0, String.class), SqlTimes.instant(row.get(1)),
                        row.get(2, Boolean.class)))
                .toList();
    }

    private static int count(Tuple row, String column) {
        return ((Number) row.get(column)).intValue();
    }
}
