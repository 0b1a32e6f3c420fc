package com.justelegance.privacy.disclosure.service;

import com.justelegance.privacy.disclosure.repository.RestrictionRepository;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.ProcessingRestricted;
import com.justelegance.privacy.events.ProcessingRestrictionLifted;
import com.justelegance.privacy.kit.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Restrictions of processing (Art. 18) that dsr-service announces. While any restriction of a subject is not
 * lifted, the sharing gate refuses the subject for every share and upload ({@link SharingGate}); and when a
 * restriction starts, every recipient that already received the subject's data gets a restriction notice (Art. 19).
 */
@ApplicationScoped
public class Restrictions {

    private final RestrictionRepository restrictions;
    private final RecipientNotices notices;
    private final AuditLog auditLog;

    public Restrictions(RestrictionRepository restrictions, RecipientNotices notices, AuditLog auditLog) {
        this.restrictions = restrictions;
        this.notices = notices;
        this.auditLog = auditLog;
    }

    /** Records the restrictions and lifts a batch of the subject-requests topic carries, in its transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRestrictions(List<EventEnvelope<?>> events) {
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case ProcessingRestricted restricted ->
                        restrict(event.subjectId(), restricted.requestId(), event.occurredAt());
                case ProcessingRestrictionLifted lifted ->
                        lift(event.subjectId(), lifted.requestId(), event.occurredAt());
                default -> {
                    // Requests opening and closing travel here too; only restrictions concern sharing.
                }
            }
        }
    }

    private void restrict(String subjectId, String requestId, Instant at) {
        if (!restrictions.restrict(subjectId, requestId, at)) {
            return; // known already: told before, or lifted before it arrived
        }
        int told = notices.noticeRestriction(subjectId, requestId);
        auditLog.record("disclosure.restriction.recorded", subjectId, Map.of("request", requestId, "notices", told));
    }

    private void lift(String subjectId, String requestId, Instant at) {
        restrictions.lift(subjectId, requestId, at);
        auditLog.record("disclosure.restriction.lifted", subjectId, Map.of("request", requestId,
                "stillRestricted", restrictions.isRestricted(subjectId)));
    }
}
