package com.justelegance.privacy.dsr.repository;

import com.justelegance.privacy.dsr.domain.CaseStatus;
import com.justelegance.privacy.dsr.domain.CaseTrailEntry;
import com.justelegance.privacy.dsr.domain.RequestCase;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.persistence.SqlTimes;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Cases, their identifiers' keyed hashes and their trails. */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<RequestCase, UUID> {

    private static final List<String> OPEN_STATUSES = Arrays.stream(CaseStatus.values())
            .filter(CaseStatus::open).map(Enum::name).toList();
    private static final List<String> CLOSED_STATUSES = Arrays.stream(CaseStatus.values())
            .filter(status -> !status.open()).map(Enum::name).toList();

    private final EntityManager entityManager;

    public CaseRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** What the work queue can be narrowed to; null means any. */
    public record QueueFilter(CaseStatus status, SubjectRequestType type, Boolean overdue, String assignee,
                              boolean includeClosed) {
    }

    /** Who closed a case and when: its trail's closing entry. */
    public record Closing(String actor, Instant at) {
    }

    /** How many cases are open, and how many of those are past their due date. */
    public record OpenCounts(long open, long overdue) {
    }

    /** The next case reference of a year, e.g. {@code DSR-2026-000042}: short enough to read out on the phone. */
    public String nextReference(int year) {
        long number = ((Number) entityManager.createNativeQuery("SELECT nextval('request_case_number')")
                .getSingleResult()).longValue();
        return "DSR-%d-%06d".formatted(year, number);
    }

    /** The case, locked until the transaction ends: its changes are made one after the other. */
    public Optional<RequestCase> lock(UUID id) {
        return Optional.ofNullable(entityManager.find(RequestCase.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public void saveIdentifiers(UUID caseId, Map<String, String> hashesByKind) {
        hashesByKind.forEach((kind, hash) -> entityManager.createNativeQuery("""
                        INSERT INTO case_identifier (case_id, kind, keyed_hash) VALUES (:case, :kind, :hash)
                        ON CONFLICT (case_id, kind) DO UPDATE SET keyed_hash = EXCLUDED.keyed_hash""")
                .setParameter("case", caseId)
                .setParameter("kind", kind)
                .setParameter("hash", hash)
                .executeUpdate());
    }

    /** The references of other open cases that share an identifier with these hashes, or the same subject. */
    public List<String> openCasesLike(UUID caseId, Collection<String> hashes, String subjectId) {
        // IN () is not SQL; a value no hash can equal stands for "none", and a null subject matches no case.
        var query = entityManager.createNativeQuery("""
                        SELECT DISTINCT c.reference FROM request_case c
                        WHERE c.id <> :case AND c.status IN (:open)
                          AND (c.subject_id = :subject
                               OR EXISTS (SELECT 1 FROM case_identifier i
                                          WHERE i.case_id = c.id AND i.keyed_hash IN (:hashes)))
                        ORDER BY c.reference""")
                .setParameter("case", caseId)
                .setParameter("open", OPEN_STATUSES)
                .setParameter("subject", subjectId == null ? "" : subjectId)
                .setParameter("hashes", hashes.isEmpty() ? List.of("-") : hashes);
        @SuppressWarnings("unchecked")
        List<String> references = query.getResultList();
        return references;
    }

    public List<String> identifierHashes(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<String> hashes = entityManager.createNativeQuery(
                        "SELECT keyed_hash FROM case_identifier WHERE case_id = :case ORDER BY kind")
                .setParameter("case", caseId)
                .getResultList();
        return hashes;
    }

    /** Remembers a mail taken on a case, so that the mailbox handing it over again changes nothing. */
    public void recordMail(UUID caseId, String mailRef) {
        entityManager.createNativeQuery("INSERT INTO case_mail (mail_ref, case_id) VALUES (:ref, :case)")
                .setParameter("ref", mailRef)
                .setParameter("case", caseId)
                .executeUpdate();
    }

    /** Whether a case was opened from the mail with this keyed Message-ID hash. */
    @Transactional
    public boolean hasMail(String mailRef) {
        return count("mailRef", mailRef) > 0 || ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM case_mail WHERE mail_ref = :ref").setParameter("ref", mailRef)
                .getSingleResult()).longValue() > 0;
    }

    /** The work queue: soonest due first (paused cases, with no due date, after them), then oldest received. */
    public List<RequestCase> queue(QueueFilter filter, LocalDate today, int limit) {
        StringBuilder query = new StringBuilder("from RequestCase c where 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (filter.status() != null) {
            parameters.add(filter.status());
            query.append(" and c.status = ?").append(parameters.size());
        } else if (!filter.includeClosed()) {
            parameters.add(Arrays.stream(CaseStatus.values()).filter(CaseStatus::open).toList());
            query.append(" and c.status in ?").append(parameters.size());
        }
        if (filter.type() != null) {
            parameters.add(filter.type());
            query.append(" and c.type = ?").append(parameters.size());
        }
        if (filter.assignee() != null) {
            parameters.add(filter.assignee());
            query.append(" and c.assignee = ?").append(parameters.size());
        }
        if (filter.overdue() != null) {
            parameters.add(today);
            query.append(filter.overdue()
                    ? " and c.dueOn < ?" + parameters.size()
                    : " and (c.dueOn is null or c.dueOn >= ?" + parameters.size() + ")");
        }
        query.append(" order by c.dueOn asc nulls last, c.receivedOn asc, c.reference asc");
        return find(query.toString(), parameters.toArray()).page(0, limit).list();
    }

    /**
     * Cases by reference or by the keyed hash of the requester's e-mail address (each one given must match), open
     * and closed, in the queue's order.
     *
     * @param reference an exact case reference, or null
     * @param emailHash the {@code EMAIL} identifier's keyed hash, or null
     */
    public List<RequestCase> search(String reference, String emailHash, int limit) {
        @SuppressWarnings("unchecked")
        List<RequestCase> found = entityManager.createNativeQuery("""
                        SELECT c.* FROM request_case c
                        WHERE (CAST(:reference AS text) IS NULL OR c.reference = :reference)
                          AND (CAST(:hash AS text) IS NULL
                               OR EXISTS (SELECT 1 FROM case_identifier i
                                          WHERE i.case_id = c.id AND i.kind = 'EMAIL' AND i.keyed_hash = :hash))
                        ORDER BY c.due_on ASC NULLS LAST, c.received_on ASC, c.reference ASC
                        LIMIT :limit""", RequestCase.class)
                .setParameter("reference", reference)
                .setParameter("hash", emailHash)
                .setParameter("limit", limit)
                .getResultList();
        return found;
    }

    /**
     * The closing entry of each closed case among these, in one query: the first trail entry into a closed status
     * (comments on a closed case come later and keep its status).
     */
    public Map<UUID, Closing> closings(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT DISTINCT ON (case_id) case_id, actor, at FROM case_trail_entry
                        WHERE case_id IN (:cases) AND to_status IN (:closed)
                        ORDER BY case_id, id""", Tuple.class)
                .setParameter("cases", caseIds)
                .setParameter("closed", CLOSED_STATUSES)
                .getResultList();
        Map<UUID, Closing> closings = new HashMap<>();
        for (Tuple row : rows) {
            closings.put(row.get("case_id", UUID.class),
                    new Closing(row.get("actor", String.class), SqlTimes.instant(row.get("at"))));
        }
        return closings;
    }

    public List<CaseTrailEntry> trail(UUID caseId) {
        return entityManager.createQuery("from CaseTrailEntry e where e.caseId = ?1 order by e.id", CaseTrailEntry.class)
                .setParameter(1, caseId)
                .getResultList();
    }

    public void addTrailEntry(CaseTrailEntry entry) {
        entityManager.persist(entry);
    }

    public void saveCertificate(UUID caseId, UUID certificateId, Instant issuedAt, String document) {
        entityManager.createNativeQuery("""
                        INSERT INTO erasure_certificate (case_id, certificate_id, issued_at, document)
                        VALUES (:case, :certificate, :issuedAt, :document)""")
                .setParameter("case", caseId)
                .setParameter("certificate", certificateId)
                .setParameter("issuedAt", issuedAt)
                .setParameter("document", document)
                .executeUpdate();
    }

    public Optional<String> certificate(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<String> documents = entityManager.createNativeQuery(
                        "SELECT document FROM erasure_certificate WHERE case_id = :case")
                .setParameter("case", caseId)
                .getResultList();
        return documents.stream().findFirst();
    }

    public OpenCounts openCounts(LocalDate today) {
        Tuple counts = (Tuple) entityManager.createNativeQuery("""
                        SELECT count(*) AS open, count(*) FILTER (WHERE due_on < :today) AS overdue
                        FROM request_case WHERE status IN (:open)""", Tuple.class)
                .setParameter("today", today)
                .setParameter("open", OPEN_STATUSES)
                .getSingleResult();
        return new OpenCounts(counts.get("open", Number.class).longValue(),
                counts.get("overdue", Number.class).longValue());
    }
}
