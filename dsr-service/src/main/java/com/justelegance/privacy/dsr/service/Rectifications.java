package com.justelegance.privacy.dsr.service;

import com.justelegance.privacy.dsr.domain.CaseStatus;
import com.justelegance.privacy.dsr.domain.RequestCase;
import com.justelegance.privacy.dsr.repository.CaseRepository;
import com.justelegance.privacy.events.RectificationRequested;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.crypto.SubjectKeys;
import com.justelegance.privacy.kit.outbox.Outbox;
import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Carries out a rectification: the corrected values stay encrypted on the case, and
 * {@link RectificationRequested} tells the systems that hold the data (the storefront) and the recipients' ledger
 * (disclosure-service, for the Art. 19 notices) which categories changed, never the values. The owning system
 * fetches the values through the API; every fetch is audited.
 */
@ApplicationScoped
public class Rectifications {

    private final Cases cases;
    private final EntityManager entityManager;
    private final SubjectKeys keys;
    private final Outbox outbox;
    private final AuditLog auditLog;

    public Rectifications(Cases cases, EntityManager entityManager, SubjectKeys keys, Outbox outbox,
                          AuditLog auditLog) {
        this.cases = cases;
        this.entityManager = entityManager;
        this.keys = keys;
        this.outbox = outbox;
        this.auditLog = auditLog;
    }

    /** What a case corrects, with the values decrypted (empty once the case's key is gone). */
    public record Rectification(List<DataCategory> categories, Optional<String> corrections, Instant requestedAt,
                                String requestedBy) {
    }

    /** Records the corrections and publishes which categories changed; once per case. */
    @Transactional
    public Cases.CaseFile request(UUID caseId, List<DataCategory> categories, String corrections, String actor) {
        RequestCase requestCase = cases.actionableCase(caseId, SubjectRequestType.RECTIFICATION,
                "send the rectification");
        if (find(caseId).isPresent()) {
            throw new ProblemException(DsrProblem.CASE_STATUS_CONFLICT, "The case's rectification was already sent");
        }
        List<DataCategory> distinct = categories.stream().distinct().sorted().toList();
        Instant now = cases.now();
        entityManager.createNativeQuery("""
                        INSERT INTO case_rectification (case_id, categories, corrections, requested_at, requested_by)
                        VALUES (:case, :categories, :corrections, :at, :by)""")
                .setParameter("case", caseId)
                .setParameter("categories", String.join(",", distinct.stream().map(Enum::name).toList()))
                .setParameter("corrections", keys.encrypt(requestCase.keyOwner(), corrections))
                .setParameter("at", now)
                .setParameter("by", actor)
                .executeUpdate();
        outbox.publish(requestCase.subjectId(), new RectificationRequested(caseId.toString(), distinct));
        if (requestCase.status() == CaseStatus.RECEIVED) {
            cases.move(requestCase, CaseStatus.IN_PROGRESS, actor, "rectification-requested", null);
        } else {
            cases.trail(requestCase, actor, "rectification-requested", requestCase.status(), requestCase.status(),
                    null);
        }
        auditLog.record("dsr.case.rectification-requested", requestCase.subjectId(),
                Map.of("case", requestCase.reference(), "categories", distinct.stream().map(Enum::name).toList()));
        return cases.file(requestCase);
    }

    /** The corrections, for the owning system or staff; audited. */
    @Transactional
    public Rectification read(UUID caseId) {
        RequestCase requestCase = cases.caseOrNotFound(caseId);
        Tuple row = find(caseId).orElseThrow(() -> new ProblemException(DsrProblem.RECTIFICATION_NOT_REQUESTED,
                "No rectification was sent for case " + caseId));
        auditLog.record("dsr.case.rectification-read", requestCase.subjectId(),
                Map.of("case", requestCase.reference()));
        return new Rectification(Arrays.stream(row.get("categories", String.class).split(","))
                .map(DataCategory::valueOf).toList(),
                keys.decrypt(requestCase.keyOwner(), row.get("corrections", byte[].class)),
                row.get("requested_at", Instant.class), row.get("requested_by", String.class));
    }

    private Optional<Tuple> find(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT categories, corrections, requested_at, requested_by FROM case_rectification
                        WHERE case_id = :case""", Tuple.class)
                .setParameter("case", caseId)
                .getResultList();
        return rows.stream().findFirst();
    }
}
