package com.justelegance.privacy.dsr.service;

import com.justelegance.privacy.dsr.domain.CaseStatus;
import com.justelegance.privacy.dsr.domain.RequestCase;
import com.justelegance.privacy.events.ProcessingRestricted;
import com.justelegance.privacy.events.ProcessingRestrictionLifted;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.outbox.Outbox;
import com.justelegance.privacy.kit.persistence.SqlTimes;
import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Restriction of processing (UK GDPR Art. 18): a restriction case, once its subject is resolved, puts the
 * restriction on ({@link ProcessingRestricted}) and is answered; retention then purges nothing, disclosure shares
 * nothing and tells earlier recipients, consent allows no marketing. The restriction outlives its case until the
 * privacy officer lifts it ({@link ProcessingRestrictionLifted}), and the requester is told when it is lifted
 * (Art. 18(3)).
 */
@ApplicationScoped
public class Restrictions {

    private final Cases cases;
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final AuditLog auditLog;

    public Restrictions(Cases cases, EntityManager entityManager, Outbox outbox, AuditLog auditLog) {
        this.cases = cases;
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.auditLog = auditLog;
    }

    /** A case's restriction: when it was put on and by whom, and when it was lifted (both null while in force). */
    public record Restriction(Instant restrictedAt, String restrictedBy, Instant liftedAt, String liftedBy) {

        public boolean inForce() {
            return liftedAt == null;
        }
    }

    /** What the completion letter tells the requester. */
    public static final String WHAT_WAS_DONE = "We have restricted the use of your personal data: we keep it, but we "
            + "do not use it for anything else (no marketing, no sharing with others, no deletion) until the "
            + "restriction is lifted. We will tell you before we lift it.";

    /** Puts the restriction on and answers the case; {@code why} (optional) goes on the trail. */
    @Transactional
    public Cases.CaseFile restrict(UUID caseId, String why, String actor) {
        RequestCase requestCase = cases.actionableCase(caseId, SubjectRequestType.RESTRICTION,
                "restrict processing");
        Instant now = cases.now();
        // The case is locked, and a restricted case is closed by the same transaction: one restriction per case.
        entityManager.createNativeQuery("""
                        INSERT INTO case_restriction (case_id, restricted_at, restricted_by)
                        VALUES (:case, :at, :by)""")
                .setParameter("case", caseId)
                .setParameter("at", now)
                .setParameter("by", actor)
                .executeUpdate();
        outbox.publish(requestCase.subjectId(), new ProcessingRestricted(caseId.toString()));
        auditLog.record("dsr.case.restricted", requestCase.subjectId(), Map.of("case", requestCase.reference()));
        cases.close(requestCase, CaseStatus.COMPLETED, null, actor, "restricted", why);
        return cases.file(requestCase);
    }

    /** Lifts the case's restriction; the case stays closed. The reason is required: it is told to the requester. */
    @Transactional
    public Cases.CaseFile lift(UUID caseId, String reason, String actor) {
        RequestCase requestCase = cases.lockedCase(caseId);
        Restriction restriction = find(caseId).orElseThrow(() -> new ProblemException(DsrProblem.NOT_RESTRICTED,
                "Case " + requestCase.reference() + " put no restriction in place"));
        if (!restriction.inForce()) {
            throw new ProblemException(DsrProblem.NOT_RESTRICTED,
                    "Case " + requestCase.reference() + "'s restriction was lifted already");
        }
        entityManager.createNativeQuery("""
                        UPDATE case_restriction SET lifted_at = :at, lifted_by = :by WHERE case_id = :case""")
                .setParameter("case", caseId)
                .setParameter("at", cases.now())
                .setParameter("by", actor)
                .executeUpdate();
        outbox.publish(requestCase.subjectId(), new ProcessingRestrictionLifted(caseId.toString()));
        cases.trail(requestCase, actor, "restriction-lifted", requestCase.status(), requestCase.status(), reason);
        auditLog.record("dsr.case.restriction-lifted", requestCase.subjectId(),
                Map.of("case", requestCase.reference()));
        return cases.file(requestCase);
    }

    /** A restriction in force: its case and subject, since when and by whom. */
    public record InForce(UUID caseId, String caseReference, String subjectId, Instant restrictedAt,
                          String restrictedBy) {
    }

    /** The restrictions in force, oldest first: what the privacy officer must review and, in time, lift. */
    @Transactional
    public List<InForce> inForce(int limit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT r.case_id, c.reference, c.subject_id, r.restricted_at, r.restricted_by
                        FROM case_restriction r JOIN request_case c ON c.id = r.case_id
                        WHERE r.lifted_at IS NULL ORDER BY r.restricted_at, c.reference LIMIT :limit""", Tuple.class)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new InForce((UUID) row.get(0), row.get(1, String.class),
                row.get(2, String.class), SqlTimes.instant(row.get(3)), row.get(4, String.class))).toList();
    }

    /** The case's restriction, if it put one in place. */
    @Transactional
    public Optional<Restriction> of(UUID caseId) {
        cases.caseOrNotFound(caseId);
        return find(caseId);
    }

    private Optional<Restriction> find(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT restricted_at, restricted_by, lifted_at, lifted_by FROM case_restriction
                        WHERE case_id = :case""", Tuple.class)
                .setParameter("case", caseId)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Restriction(SqlTimes.instant(row.get(0)),
                row.get(1, String.class), SqlTimes.instant(row.get(2)), row.get(3, String.class)));
    }
}
