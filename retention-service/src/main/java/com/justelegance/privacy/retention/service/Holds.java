package com.justelegance.privacy.retention.service;

import com.justelegance.privacy.events.CustomerContacted;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.ProcessingRestricted;
import com.justelegance.privacy.events.SubjectRequestClosed;
import com.justelegance.privacy.events.SubjectRequestOpened;
import com.justelegance.privacy.events.codes.ComplaintStatus;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.persistence.ConcurrentChanges;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.problem.RetentionProblem;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions;
import com.justelegance.privacy.retention.domain.HoldReason;
import com.justelegance.privacy.retention.domain.LegalHold;
import com.justelegance.privacy.retention.domain.LegalHoldReason;
import com.justelegance.privacy.retention.repository.HoldRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Everything that keeps a subject from being purged: legal holds the privacy officer places and releases, a
 * complaint from the contact centre until a later contact reports it resolved, a data-subject request while
 * dsr-service has it open, and a restriction of processing (Art. 18) until dsr-service lifts it. A restriction
 * outlives the request that asked for it: dsr-service closes the request once the restriction is applied. The kit
 * records restrictions ({@link SubjectRestrictions}: overlapping, a lift final even when it arrives first).
 */
@ApplicationScoped
public class Holds {

    private final HoldRepository holds;
    private final SubjectRestrictions restrictions;
    private final ConcurrentChanges changes;
    private final AuditLog auditLog;
    private final Clock clock;

    public Holds(HoldRepository holds, SubjectRestrictions restrictions, ConcurrentChanges changes,
                 AuditLog auditLog, Clock clock) {
        this.holds = holds;
        this.restrictions = restrictions;
        this.changes = changes;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A legal hold as the privacy officer asks for it. */
    public record NewLegalHold(LegalHoldReason reason, String reference, LocalDate endsOn) {
    }

    /**
     * What holds a subject now, and its holds' history where there is one (released legal holds, lifted
     * restrictions); {@code heldBy} is what holds it today, and it is held when that is not empty.
     */
    public record SubjectHolds(String subjectId, List<HoldReason> heldBy, List<LegalHold> legalHolds,
                               List<HoldRepository.OpenComplaint> openComplaints,
                               List<HoldRepository.OpenRequest> openRequests,
                               List<SubjectRestrictions.Restriction> restrictions) {

        public boolean held() {
            return !heldBy.isEmpty();
        }
    }

    @Transactional
    public LegalHold placeLegalHold(String subjectId, NewLegalHold request, String actor) {
        LocalDate today = today();
        if (request.endsOn() != null && request.endsOn().isBefore(today)) {
            throw new ProblemException(RetentionProblem.HOLD_END_IN_PAST, "A legal hold cannot end before today");
        }
        holds.lockSubject(subjectId);
        LegalHold hold = new LegalHold(subjectId, request.reason(), request.reference(), request.endsOn(),
                clock.instant(), actor);
        holds.persist(hold);
        auditLog.record("retention.legal-hold.placed", subjectId, Map.of("holdId", hold.id().toString(),
                "reason", hold.reason().name()));
        return hold;
    }

    @Transactional
    public LegalHold releaseLegalHold(UUID holdId, String actor) {
        LegalHold hold = holds.findByIdOptional(holdId).orElseThrow(() -> new ProblemException(
                RetentionProblem.HOLD_NOT_FOUND, "There is no legal hold " + holdId));
        if (!hold.release(clock.instant(), actor)) {
            throw alreadyReleased();
        }
        // Concurrent releases all read the hold unreleased; its version lets only the first one write.
        changes.saveOrConflict(Holds::alreadyReleased);
        auditLog.record("retention.legal-hold.released", hold.subjectId(), Map.of("holdId", holdId.toString()));
        return hold;
    }

    @Transactional
    public SubjectHolds holdsOf(String subjectId) {
        SubjectHolds subject = new SubjectHolds(subjectId, reasonsHolding(subjectId), holds.legalHolds(subjectId),
                holds.openComplaints(subjectId), holds.openRequests(subjectId), restrictions.restrictionsOf(subjectId));
        auditLog.record("retention.holds.read", subjectId, Map.of("held", subject.held()));
        return subject;
    }

    /** What holds the subject today, oldest first; empty when nothing does. The caller audits the read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<HoldReason> reasonsHolding(String subjectId) {
        return holds.holdReasons(Set.of(subjectId), today()).getOrDefault(subjectId, List.of());
    }

    /**
     * What holds each of the subjects, with legal holds judged as on {@code day}; subjects held by nothing are
     * absent. The caller audits the read.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, List<HoldReason>> reasonsHolding(Collection<String> subjectIds, LocalDate day) {
        return holds.holdReasons(subjectIds, day);
    }

    /** Records the complaints a batch of contact-centre events opened or resolved, in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordComplaints(List<EventEnvelope<?>> events) {
        List<HoldRepository.ComplaintReport> reports = new ArrayList<>();
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case CustomerContacted contact when contact.complaintStatus() != ComplaintStatus.NONE -> {
                    boolean open = contact.complaintStatus() == ComplaintStatus.OPEN;
                    reports.add(new HoldRepository.ComplaintReport(event.subjectId(), contact.complaintId(),
                            open ? event.occurredAt() : null, open ? null : event.occurredAt()));
                }
                default -> {
                    // Contacts that are not complaints, and other storefront activity, hold nothing.
                }
            }
        }
        if (!reports.isEmpty()) {
            holds.recordComplaints(reports);
        }
    }

    /**
     * Records the data-subject requests dsr-service opened and closed and the restrictions it put on and lifted, in
     * the consumer's transaction, in the order they were published.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSubjectRequests(List<EventEnvelope<?>> events) {
        // A purge batch must not request the erasure of a subject that this batch starts holding: lock the
        // subjects first, so a purge that claimed one finishes before, and one that has not skips it meanwhile.
        holds.lockSubjects(subjectsStartingToBeHeld(events));
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case SubjectRequestOpened opened -> holds.openRequest(event.subjectId(), opened.requestId(),
                        opened.requestType().name(), event.occurredAt());
                case SubjectRequestClosed closed -> holds.closeRequest(closed.requestId());
                default -> {
                    // Restrictions are the kit's, below; nothing else travels on this topic.
                }
            }
        }
        // The view subject_hold reads the kit's restrictions, so the purge sees these once they commit.
        restrictions.apply(events);
    }

    private static Set<String> subjectsStartingToBeHeld(List<EventEnvelope<?>> events) {
        Set<String> subjects = new TreeSet<>();
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case SubjectRequestOpened ignored -> subjects.add(event.subjectId());
                case ProcessingRestricted ignored -> subjects.add(event.subjectId());
                default -> {
                    // Closing a request or lifting a restriction only lets a purge through.
                }
            }
        }
        return subjects;
    }

    private static ProblemException alreadyReleased() {
        return new ProblemException(RetentionProblem.HOLD_ALREADY_RELEASED, "The legal hold was released before");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
