package com.justelegance.privacy.consent.service;

import com.justelegance.privacy.consent.domain.ConsentChoice;
import com.justelegance.privacy.consent.domain.CurrentConsent;
import com.justelegance.privacy.consent.domain.Purpose;
import com.justelegance.privacy.consent.repository.CurrentConsentRepository;
import com.justelegance.privacy.consent.repository.PurposeRepository;
import com.justelegance.privacy.consent.repository.SubjectRequestActionRepository.Action;
import com.justelegance.privacy.consent.repository.SubjectRequestActionRepository;
import com.justelegance.privacy.consent.repository.SuppressionRepository.HashedIdentifier;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.erasure.SubjectLocks;
import com.justelegance.privacy.kit.erasure.SubjectTombstones;
import com.justelegance.privacy.kit.problem.ConsentProblem;
import com.justelegance.privacy.kit.problem.FieldProblemException;
import com.justelegance.privacy.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rights dsr-service carries out here on a person's behalf (UK GDPR):
 * <ul>
 *   <li>an <b>objection to direct marketing</b> (Art. 21(2) and (3)), which is absolute: every purpose that is a
 *   marketing channel or profiling for marketing becomes OBJECTED, and the person's contact identifiers go on the
 *   suppression list for the marketing channels they reach, so they are not marketed to again even if their
 *   details are imported afresh. It applies to a subject with no records too.</li>
 *   <li>a <b>withdrawal of consent</b> (Art. 7(3)): the purposes named, or when none are named every purpose resting
 *   on consent that is granted now (soft opt-ins included), become WITHDRAWN. A purpose already refused, withdrawn
 *   or objected to stays as it is: there is nothing left to withdraw.</li>
 * </ul>
 * Each is one consent decision with source DATA_SUBJECT_REQUEST naming the request, under the policy version in
 * force, publishing ConsentChanged for every purpose that changed. Each is carried out once per request id, subject
 * and kind: a retry changes nothing and gets the first answer.
 */
@ApplicationScoped
public class SubjectRequests {

    /** The kinds of action, as recorded. */
    static final String MARKETING_OBJECTION = "MARKETING_OBJECTION";
    static final String CONSENT_WITHDRAWAL = "CONSENT_WITHDRAWAL";

    private final ConsentLedger ledger;
    private final PurposeRepository purposes;
    private final CurrentConsentRepository currentConsents;
    private final SubjectRequestActionRepository actions;
    private final SubjectLocks subjectLocks;
    private final SubjectTombstones tombstones;
    private final AuditLog auditLog;

    public SubjectRequests(ConsentLedger ledger, PurposeRepository purposes, CurrentConsentRepository currentConsents,
                           SubjectRequestActionRepository actions, SubjectLocks subjectLocks,
                           SubjectTombstones tombstones, AuditLog auditLog) {
        this.ledger = ledger;
        this.purposes = purposes;
        this.currentConsents = currentConsents;
        this.actions = actions;
        this.subjectLocks = subjectLocks;
        this.tombstones = tombstones;
        this.auditLog = auditLog;
    }

    /**
     * What a request did here.
     *
     * @param replayed whether this answer comes from an earlier call with the same request id
     */
    public record Outcome(Action action, boolean replayed) {
    }

    /** Carries out an objection to direct marketing. */
    @Transactional
    public Outcome objectToMarketing(String subjectId, String requestId, List<HashedIdentifier> contacts) {
        return once(subjectId, requestId, MARKETING_OBJECTION, () -> purposes.endedByMarketingObjection().stream()
                .map(purpose -> new ConsentChoice(purpose.code(), ConsentState.OBJECTED))
                .toList(), contacts);
    }

    /**
     * Carries out a withdrawal of consent.
     *
     * @param purposeCodes the purposes named in the request; null or empty for every consent granted now
     * @throws FieldProblemException naming {@code purposes[i]} for a purpose not in the catalogue
     */
    @Transactional
    public Outcome withdrawConsent(String subjectId, String requestId, List<String> purposeCodes,
                                   List<HashedIdentifier> contacts) {
        List<Purpose> named = purposeCodes == null ? List.of() : known(purposeCodes);
        return once(subjectId, requestId, CONSENT_WITHDRAWAL, () -> {
            Set<String> withdrawn = new LinkedHashSet<>();
            if (named.isEmpty()) {
                currentConsents.forSubject(subjectId).stream()
                        .filter(consent -> consent.state() == ConsentState.GRANTED)
                        .filter(consent -> purposes.findById(consent.purposeCode()).lawfulBasis()
                                == LawfulBasis.CONSENT)
                        .forEach(consent -> withdrawn.add(consent.purposeCode()));
            } else {
                for (Purpose purpose : named) {
                    ConsentState now = currentConsents.find(subjectId, purpose.code())
                            .map(CurrentConsent::state).orElse(null);
                    if (now == null || now == ConsentState.GRANTED) {
                        withdrawn.add(purpose.code());
                    }
                }
            }
            return withdrawn.stream().map(code -> new ConsentChoice(code, ConsentState.WITHDRAWN)).toList();
        }, contacts);
    }

    /**
     * Carries the action out unless this request already did it for the subject, under the subject's lock so that
     * two deliveries of the same request at once are done once.
     */
    private Outcome once(String subjectId, String requestId, String action, Supplier<List<ConsentChoice>> choices,
                         List<HashedIdentifier> contacts) {
        subjectLocks.lock(subjectId);
        Optional<Action> done = actions.find(requestId, subjectId, action);
        if (done.isPresent()) {
            audit(subjectId, requestId, action, done.get(), true);
            return new Outcome(done.get(), true);
        }
        if (tombstones.isErased(subjectId)) {
            throw new ProblemException(ConsentProblem.SUBJECT_ERASED,
                    "This subject was erased; its identifiers stayed on the suppression list");
        }
        ConsentLedger.RequestDecision decision = ledger.recordForSubjectRequest(subjectId, requestId, choices.get(),
                contacts);
        Action recorded = new Action(decision.decisionId(), decision.changedPurposes(),
                decision.suppressionEntriesAdded(), decision.recordedAt());
        actions.insert(requestId, subjectId, action, recorded);
        audit(subjectId, requestId, action, recorded, false);
        return new Outcome(recorded, false);
    }

    private void audit(String subjectId, String requestId, String action, Action done, boolean replayed) {
        auditLog.record(replayed ? "consent.subject-request.replayed" : "consent.subject-request.carried-out",
                subjectId, Map.of("requestId", requestId, "action", action, "purposesChanged",
                        done.purposesChanged(), "suppressionEntriesAdded", done.suppressionEntriesAdded()));
    }

    private List<Purpose> known(List<String> codes) {
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (purposes.findByIdOptional(code).isEmpty()) {
                throw new FieldProblemException(ConsentProblem.UNKNOWN_PURPOSE, "purposes[" + i + "]",
                        "purposes[" + i + "] is not in the purpose catalogue");
            }
            distinct.add(code);
        }
        return distinct.stream().map(purposes::findById).toList();
    }
}
