package com.justelegance.privacy.consent.service;

import com.justelegance.privacy.consent.domain.ConsentChoice;
import com.justelegance.privacy.consent.domain.ConsentDecision;
import com.justelegance.privacy.consent.domain.CurrentConsent;
import com.justelegance.privacy.consent.domain.Purpose;
import com.justelegance.privacy.consent.repository.ConsentDecisionRepository;
import com.justelegance.privacy.consent.repository.CurrentConsentRepository;
import com.justelegance.privacy.consent.repository.PurposeRepository;
import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.codes.ConsentMethod;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.outbox.Outbox;
import com.justelegance.privacy.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records consent decisions and answers what a subject's consents are now.
 *
 * <p>A decision is appended to the history, the current state moves in the same transaction, and every purpose
 * whose state actually changed publishes ConsentChanged through the outbox. Repeating the current state is
 * recorded as proof but publishes nothing.
 */
@ApplicationScoped
public class ConsentLedger {

    private final PurposeRepository purposes;
    private final ConsentDecisionRepository decisions;
    private final CurrentConsentRepository currentConsents;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;

    public ConsentLedger(PurposeRepository purposes, ConsentDecisionRepository decisions,
                         CurrentConsentRepository currentConsents, Outbox outbox, AuditLog auditLog, Clock clock) {
        this.purposes = purposes;
        this.decisions = decisions;
        this.currentConsents = currentConsents;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A decision as the caller submits it. */
    public record NewDecision(String policyVersion, ConsentSource source, ConsentMethod method,
                              Instant clientDecidedAt, List<ConsentChoice> choices) {
    }

    /** What recording a decision did: its id, and the purposes whose state changed. */
    public record RecordedDecision(UUID decisionId, Instant recordedAt, List<String> changedPurposes) {
    }

    @Transactional
    public RecordedDecision record(String subjectId, NewDecision request) {
        List<Purpose> chosen = request.choices().stream().map(choice -> knownPurpose(choice.purposeCode())).toList();
        currentConsents.lockSubject(subjectId);
        Instant now = clock.instant();
        ConsentDecision decision = new ConsentDecision(subjectId, request.policyVersion(), request.source(),
                request.method(), request.clientDecidedAt(), now, request.choices());
        decisions.persist(decision);

        List<String> changed = new ArrayList<>();
        for (int i = 0; i < request.choices().size(); i++) {
            ConsentChoice choice = request.choices().get(i);
            Purpose purpose = chosen.get(i);
            CurrentConsent current = currentConsents.find(subjectId, purpose.code())
                    .orElseGet(() -> new CurrentConsent(subjectId, purpose.code()));
            if (current.moveTo(choice.state(), decision.id(), now)) {
                currentConsents.persist(current);
                outbox.publish(subjectId, new ConsentChanged(decision.id().toString(), purpose.code(),
                        purpose.channel(), choice.state(), purpose.lawfulBasis(), request.policyVersion(),
                        request.source(), request.method(), now));
                changed.add(purpose.code());
            }
        }
        return new RecordedDecision(decision.id(), now, changed);
    }

    /** The subject's current state for every purpose they have decided on. */
    @Transactional
    public List<CurrentConsent> currentConsents(String subjectId) {
        List<CurrentConsent> consents = currentConsents.forSubject(subjectId);
        auditLog.record("consent.state.read", subjectId, Map.of("purposes", consents.size()));
        return consents;
    }

    private Purpose knownPurpose(String code) {
        return purposes.findByIdOptional(code).orElseThrow(() -> ProblemException.badRequest("unknown-purpose",
                "Purpose " + code + " is not in the purpose catalogue"));
    }
}
