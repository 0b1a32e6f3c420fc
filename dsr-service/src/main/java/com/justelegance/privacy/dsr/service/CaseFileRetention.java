package com.justelegance.privacy.dsr.service;

import com.justelegance.privacy.dsr.config.DsrConfig;
import com.justelegance.privacy.dsr.domain.RequestCase;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.crypto.SubjectKeys;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Case files have a retention of their own: a closed case is kept as evidence of how the request was answered for
 * {@code dsr.case-files.keep-for} (two years by default) after it closed, then purged: its key is destroyed (so any
 * copy of its encrypted details is unreadable) and the case, its identifiers' hashes, clock, trail, mail references,
 * identity code and certificate are deleted. The audit log keeps one entry per purged case, by reference.
 */
@ApplicationScoped
public class CaseFileRetention {

    private final EntityManager entityManager;
    private final SubjectKeys keys;
    private final AuditLog auditLog;
    private final DsrConfig config;
    private final Clock clock;

    public CaseFileRetention(EntityManager entityManager, SubjectKeys keys, AuditLog auditLog, DsrConfig config,
                             Clock clock) {
        this.entityManager = entityManager;
        this.keys = keys;
        this.auditLog = auditLog;
        this.config = config;
        this.clock = clock;
    }

    /** The daily run (cron from configuration). */
    @Scheduled(cron = "${dsr.case-files.purge-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purgeExpired();
    }

    /** Purges the case files whose retention ended, up to a thousand at a time; returns how many. */
    @Transactional
    public int purgeExpired() {
        Instant closedBefore = clock.instant().atZone(ZoneOffset.UTC).minus(config.caseFiles().keepFor()).toInstant();
        @SuppressWarnings("unchecked")
        List<Tuple> expired = entityManager.createNativeQuery("""
                        SELECT id, reference, subject_id FROM request_case c
                        WHERE closed_at < :closedBefore
                          -- A restriction in force outlives its case: the file is the record of it, kept until lifted.
                          AND NOT EXISTS (SELECT 1 FROM case_restriction r
                                          WHERE r.case_id = c.id AND r.lifted_at IS NULL)
                        ORDER BY closed_at LIMIT 1000
                        FOR UPDATE SKIP LOCKED""", Tuple.class)
                .setParameter("closedBefore", closedBefore)
                .getResultList();
        for (Tuple row : expired) {
            UUID id = row.get("id", UUID.class);
            keys.destroy(RequestCase.keyOwner(id));
            entityManager.createNativeQuery("DELETE FROM request_case WHERE id = :id").setParameter("id", id)
                    .executeUpdate();
            auditLog.record("dsr.case-file.purged", row.get("subject_id", String.class),
                    Map.of("case", row.get("reference", String.class)));
        }
        return expired.size();
    }
}
