package com.justelegance.privacy.consent.service;

import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions.Changes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;

/**
 * Restrictions of processing (UK GDPR Art. 18) dsr-service announces on {@code privacy.subject-requests.v1},
 * recorded by the kit ({@link SubjectRestrictions}, which holds the rules: overlapping restrictions, final lifts,
 * nothing recorded for an erased subject). While any restriction of a subject is in force, consent checks refuse
 * every purpose (reason RESTRICTED) and the subject's consent view says so; lifting the last one restores the
 * answers the subject's choices give. Nothing the subject chose changes, so nothing is published; this service only
 * audits what the kit recorded.
 */
@ApplicationScoped
public class ProcessingRestrictions {

    private final SubjectRestrictions restrictions;
    private final AuditLog auditLog;

    public ProcessingRestrictions(SubjectRestrictions restrictions, AuditLog auditLog) {
        this.restrictions = restrictions;
        this.auditLog = auditLog;
    }

    /** Applies the restrictions and lifts in a batch from the subject-requests topic, in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<EventEnvelope<?>> events) {
        Changes changes = restrictions.apply(events);
        changes.tookHold().forEach(restriction -> auditLog.record("consent.processing.restricted",
                restriction.subjectId(), Map.of("requestId", restriction.requestId())));
        changes.lifted().forEach(lift -> auditLog.record("consent.processing.restriction-lifted",
                lift.subjectId(), Map.of("requestId", lift.requestId())));
    }
}
