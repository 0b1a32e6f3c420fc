package com.justelegance.privacy.retention.repository;

import com.justelegance.privacy.kit.persistence.SqlTimes;
import com.justelegance.privacy.retention.domain.HoldReason;
import com.justelegance.privacy.retention.domain.LegalHold;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What keeps a subject from being purged: legal holds, open complaints, open data-subject requests and restrictions
 * of processing. Whether a subject is held, and why, is read from the view {@code subject_hold} (migration V8),
 * which the purge reads too. Restrictions are recorded by the kit
 * ({@link com.justelegance.privacy.kit.restriction.SubjectRestrictions}); the view reads the kit's table directly.
 */
@ApplicationScoped
public class HoldRepository implements PanacheRepositoryBase<LegalHold, UUID> {

    private final EntityManager entityManager;

    public HoldRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A complaint as one contact reported it: opened or resolved at an instant. */
    public record ComplaintReport(String subjectId, String complaintId, Instant openedAt, Instant resolvedAt) {
    }

    /** An open complaint of a subject. */
    public record OpenComplaint(String complaintId, Instant openedAt) {
    }

    /** An open data-subject request of a subject. */
    public record OpenRequest(String requestId, String requestType, Instant openedAt) {
    }

    public List<LegalHold> legalHolds(String subjectId) {
        return list("subjectId = ?1 order by placedAt desc", subjectId);
    }

    /** The legal holds of the subjects that still hold on the given day, per subject. */
    public Map<String, List<LegalHold>> activeLegalHolds(Collection<String> subjectIds, LocalDate day) {
        return stream("subjectId in ?1 and releasedAt is null and (endsOn is null or endsOn >= ?2)", subjectIds, day)
                .collect(Collectors.groupingBy(LegalHold::subjectId));
    }


    /** Records complaint reports; each side keeps its latest instant, so arrival order does not matter. */
    public void recordComplaints(List<ComplaintReport> reports) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO complaint_hold (subject_id, complaint_id, opened_at, resolved_at)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT (subject_id, complaint_id) DO UPDATE SET
                        opened_at = GREATEST(complaint_hold.opened_at, EXCLUDED.opened_at),
                        resolved_at = GREATEST(complaint_hold.resolved_at, EXCLUDED.resolved_at)""")) {
                for (ComplaintReport report : reports) {
                    upsert.setString(1, report.subjectId());
                    upsert.setString(2, report.complaintId());
                    SqlTimes.set(upsert, 3, report.openedAt());
                    SqlTimes.set(upsert, 4, report.resolvedAt());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /** Records a request dsr-service opened; a redelivered opening changes nothing. */
    public void openRequest(String subjectId, String requestId, String requestType, Instant openedAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO subject_request_hold (request_id, subject_id, request_type, opened_at)
                        VALUES (:request, :subject, :type, :openedAt)
                        ON CONFLICT (request_id) DO NOTHING""")
                .setParameter("request", requestId)
                .setParameter("subject", subjectId)
                .setParameter("type", requestType)
                .setParameter("openedAt", openedAt)
                .executeUpdate();
    }

    /** Forgets a request dsr-service closed: it holds nothing any more. */
    public void closeRequest(String requestId) {
        entityManager.createNativeQuery("DELETE FROM subject_request_hold WHERE request_id = :request")
                .setParameter("request", requestId)
                .executeUpdate();
    }

    /**
     * What holds each of the subjects, oldest hold first; subjects held by nothing are absent. Legal holds are
     * judged as on {@code day}, everything else as it is now.
     */
    public Map<String, List<HoldReason>> holdReasons(Collection<String> subjectIds, LocalDate day) {
        if (subjectIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT subject_id, kind, reference, detail, since, until FROM subject_hold
                        WHERE subject_id IN (:subjects) AND (until IS NULL OR until >= :day)
                        ORDER BY subject_id, since, kind, reference""", Tuple.class)
                .setParameter("subjects", subjectIds)
                .setParameter("day", day)
                .getResultList();
        return rows.stream().collect(Collectors.groupingBy(row -> row.get(0, String.class), Collectors.mapping(
                row -> new HoldReason(HoldReason.Kind.valueOf(row.get(1, String.class)), row.get(2, String.class),
                        row.get(3, String.class), SqlTimes.instant(row.get(4)), localDate(row.get(5))),
                Collectors.toList())));
    }

    /** A DATE column of a native query's row, whichever Java type the driver chose for it. */
    private static LocalDate localDate(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate date -> date;
            case java.sql.Date date -> date.toLocalDate();
            default -> throw new IllegalStateException("Not a date: " + value.getClass().getName());
        };
    }

    public List<OpenComplaint> openComplaints(String subjectId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT complaint_id, opened_at FROM complaint_hold
                        WHERE subject_id = :subject AND opened_at IS NOT NULL
                          AND (resolved_at IS NULL OR opened_at > resolved_at)
                        ORDER BY opened_at""", Tuple.class)
                .setParameter("subject", subjectId)
                .getResultList();
        return rows.stream()
                .map(row -> new OpenComplaint(row.get(0, String.class), SqlTimes.instant(row.get(1))))
                .toList();
    }

    public List<OpenRequest> openRequests(String subjectId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT request_id, request_type, opened_at FROM subject_request_hold
                        WHERE subject_id = :subject ORDER BY opened_at""", Tuple.class)
                .setParameter("subject", subjectId)
                .getResultList();
        return rows.stream()
                .map(row -> new OpenRequest(row.get(0, String.class), row.get(1, String.class),
                        SqlTimes.instant(row.get(2))))
                .toList();
    }

    /** Locks the subject's timeline row, if any, so a hold and a purge of the same subject do not interleave. */
    public void lockSubject(String subjectId) {
        lockSubjects(List.of(subjectId));
    }

    /**
     * Locks the subjects' timeline rows, if any, in the order of their ids: a purge batch that has claimed one
     * finishes first, and one that has not skips it until the hold is committed, so it then sees the hold.
     */
    public void lockSubjects(Collection<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                        SELECT 1 FROM subject_timeline WHERE subject_id IN (:subjects)
                        ORDER BY subject_id FOR UPDATE""")
                .setParameter("subjects", subjectIds)
                .getResultList();
    }
}
