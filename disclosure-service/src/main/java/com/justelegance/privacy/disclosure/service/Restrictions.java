package com.justelegance.privacy.disclosure.service;

import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions.Changes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;

/**
 * Restrictions of processing (Art. 18) that dsr-service announces, recorded by the kit ({@link SubjectRestrictions},
 * which holds the rules: overlapping restrictions, final lifts that may arrive first, redelivery). While any
 * restriction of a subject is in force, the sharing gate refuses the subject for every share and upload
 * ({@link SharingGate}); and when a restriction takes hold, every recipient that already received the subject's data
 * gets a restriction notice (Art. 19), once per restricting request.
 */
@ApplicationScoped
public class Restrictions {

    private final SubjectRestrictions restrictions;
    private final RecipientNotices notices;
    private final AuditLog auditLog;

    public Restrictions(SubjectRestrictions restrictions, RecipientNotices notices, AuditLog auditLog) {
        this.restrictions = restrictions;
        this.notices = notices;
        this.auditLog = auditLog;
    }

    /** Records the restrictions and lifts a batch of the subject-requests topic carries, in its transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRestrictions(List<EventEnvelope<?>> events) {
        Changes changes = restrictions.apply(events);
        // Only a restriction that took hold tells anyone: a redelivered one was told before, and one lifted before
        // it arrived never restricted anything.
        changes.tookHold().forEach(restriction -> {
            int told = notices.noticeRestriction(restriction.subjectId(), restriction.requestId());
            auditLog.record("disclosure.restriction.recorded", restriction.subjectId(),
                    Map.of("request", restriction.requestId(), "notices", told));
        });
        changes.lifted().forEach(lift -> auditLog.record("disclosure.restriction.lifted", lift.subjectId(),
                Map.of("request", lift.requestId(), "stillRestricted", restrictions.isRestricted(lift.subjectId()))));
    }
}
