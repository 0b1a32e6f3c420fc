package com.justelegance.privacy.retention.service;

import com.justelegance.privacy.events.CustomerContacted;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.SubjectRequestClosed;
import com.justelegance.privacy.events.SubjectRequestOpened;
import com.justelegance.privacy.events.codes.ComplaintStatus;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.persistence.ConcurrentChanges;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.problem.RetentionProblem;
import com.justelegance.privacy.retention.domain.LegalHold;
import com.justelegance.privacy.retention.domain.LegalHoldReason;
import com.justelegance.privacy.retention.repository.HoldRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything that keeps a subject from being purged: legal holds the privacy officer places and releases, a
 * complaint from the contact centre until a later contact reports it resolved, and a data-subject request while
 * dsr-service has it open.
 */
@ApplicationScoped
public class Holds {

    private final HoldRepository holds;
    private final ConcurrentChanges changes;
    private final AuditLog auditLog;
    private final Clock clock;

    public Holds(HoldRepository holds, ConcurrentChanges changes, AuditLog auditLog, Clock clock) {
        this.holds = holds;
        this.changes = changes;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A legal hold as the privacy officer asks for it. */
    public record NewLegalHold(LegalHoldReason reason, String reference, LocalDate endsOn) {
    }

    /** What holds a subject now. */
    public record SubjectHolds(String subjectId, boolean held, List<LegalHold> legalHolds,
                               List<HoldRepository.OpenComplaint> openComplaints,
                               List<HoldRepository.OpenRequest> openRequests) {
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
        LocalDate today = today();
        List<LegalHold> legalHolds = holds.legalHolds(subjectId);
        List<HoldRepository.OpenComplaint> complaints = holds.openComplaints(subjectId);
        List<HoldRepository.OpenRequest> requests = holds.openRequests(subjectId);
        boolean held = legalHolds.stream().anyMatch(hold -> hold.activeOn(today)) || !complaints.isEmpty()
                || !requests.isEmpty();
        auditLog.record("retention.holds.read", subjectId, Map.of("held", held));
        return new SubjectHolds(subjectId, held, legalHolds, complaints, requests);
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

    /** Records the data-subject requests dsr-service opened and closed, in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSubjectRequests(List<EventEnvelope<?>> events) {
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case SubjectRequestOpened opened -> holds.openRequest(event.subjectId(), opened.requestId(),
                        opened.requestType().name(), event.occurredAt());
                case SubjectRequestClosed closed -> holds.closeRequest(closed.requestId());
                default -> {
                    // Only requests opening and closing travel on this topic.
                }
            }
        }
    }

    private static ProblemException alreadyReleased() {
        return new ProblemException(RetentionProblem.HOLD_ALREADY_RELEASED, "The legal hold was released before");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
