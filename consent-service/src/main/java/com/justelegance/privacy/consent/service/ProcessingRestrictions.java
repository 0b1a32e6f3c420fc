package com.justelegance.privacy.consent.service;

import com.justelegance.privacy.consent.repository.ProcessingRestrictionRepository;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.ProcessingRestricted;
import com.justelegance.privacy.events.ProcessingRestrictionLifted;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.erasure.SubjectLocks;
import com.justelegance.privacy.kit.erasure.SubjectTombstones;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Restrictions of processing (UK GDPR Art. 18) dsr-service announces on {@code privacy.subject-requests.v1}: while
 * any restriction of a subject is in force, consent checks refuse every purpose (reason RESTRICTED) and the
 * subject's consent view says so; lifting the last one restores the answers the subject's choices give. Nothing
 * the subject chose changes, so nothing is published. Restrictions overlap: one per request, each lifted by its own
 * request id. A restriction of a subject erased here is not recorded (there is nothing left to restrict, and a
 * record would name the subject again).
 */
@ApplicationScoped
public class ProcessingRestrictions {

    private final ProcessingRestrictionRepository repository;
    private final SubjectLocks subjectLocks;
    private final SubjectTombstones tombstones;
    private final AuditLog auditLog;

    public ProcessingRestrictions(ProcessingRestrictionRepository repository, SubjectLocks subjectLocks,
                                  SubjectTombstones tombstones, AuditLog auditLog) {
        this.repository = repository;
        this.subjectLocks = subjectLocks;
        this.tombstones = tombstones;
        this.auditLog = auditLog;
    }

    /** Applies the restrictions and lifts in a batch from the subject-requests topic, in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<EventEnvelope<?>> events) {
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case ProcessingRestricted restricted -> restrict(event.subjectId(), restricted.requestId(),
                        event.occurredAt());
                case ProcessingRestrictionLifted lifted -> lift(event.subjectId(), lifted.requestId(),
                        event.occurredAt());
                default -> {
                    // Requests opening and closing (SubjectRequestOpened/Closed) change nothing here.
                }
            }
        }
    }

    private void restrict(String subjectId, String requestId, Instant at) {
        // The same lock as decisions and erasure: an erasure running now is either seen here or waits for us.
        subjectLocks.lock(subjectId);
        if (tombstones.isErased(subjectId)) {
            Log.infof("Restriction of request %s not recorded: its subject was erased", requestId);
            return;
        }
        if (repository.restrict(subjectId, requestId, at)) {
            auditLog.record("consent.processing.restricted", subjectId, Map.of("requestId", requestId));
        }
    }

    private void lift(String subjectId, String requestId, Instant at) {
        subjectLocks.lock(subjectId);
        if (repository.lift(subjectId, requestId, at)) {
            auditLog.record("consent.processing.restriction-lifted", subjectId, Map.of("requestId", requestId));
        } else {
            Log.infof("Restriction of request %s lifted, but none of it was in force here", requestId);
        }
    }

    /** When the subject's oldest restriction in force began; empty when the subject is not restricted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> restrictedSince(String subjectId) {
        return repository.restrictedSince(subjectId);
    }

    /** The subject's restrictions, lifted ones too, for its access request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ProcessingRestrictionRepository.Restriction> history(String subjectId) {
        return repository.forSubject(subjectId);
    }
}
