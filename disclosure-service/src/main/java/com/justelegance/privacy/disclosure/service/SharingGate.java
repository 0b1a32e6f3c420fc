package com.justelegance.privacy.disclosure.service;

import com.justelegance.privacy.disclosure.domain.Disclosure;
import com.justelegance.privacy.disclosure.domain.DisclosureSource;
import com.justelegance.privacy.disclosure.domain.Recipient;
import com.justelegance.privacy.disclosure.domain.SharingDecision;
import com.justelegance.privacy.disclosure.repository.DisclosureRepository.NewEntry;
import com.justelegance.privacy.disclosure.repository.DisclosureRepository;
import com.justelegance.privacy.disclosure.repository.RecipientRepository;
import com.justelegance.privacy.disclosure.repository.SubjectConsentRepository.ConsentFact;
import com.justelegance.privacy.disclosure.repository.SubjectConsentRepository;
import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.problem.DisclosureProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Consent-gated sharing: answers whether a subject's data may go to a recipient that needs consent, from the local
 * projection of ConsentChanged and the subject's restrictions (Art. 18), and records an audience upload's
 * disclosures for the allowed subjects only. A consent taken away sends removal notices for the uploads it allowed.
 */
@ApplicationScoped
public class SharingGate {

    private final SubjectConsentRepository consents;
    private final RecipientRepository recipients;
    private final DisclosureRepository disclosures;
    private final SubjectRestrictions restrictions;
    private final RecipientNotices notices;
    private final AuditLog auditLog;
    private final Clock clock;

    public SharingGate(SubjectConsentRepository consents, RecipientRepository recipients,
                       DisclosureRepository disclosures, SubjectRestrictions restrictions,
                       RecipientNotices notices, AuditLog auditLog, Clock clock) {
        this.consents = consents;
        this.recipients = recipients;
        this.disclosures = disclosures;
        this.restrictions = restrictions;
        this.notices = notices;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Moves the projection to the latest state per subject and purpose the batch carries, in one statement. Where
     * that took a consent away (any state but GRANTED became the subject's current one), the recipients of the
     * subject's audience uploads under the purpose are sent removal notices. A change older than the state already
     * held (a late event) moves nothing and sends nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyConsentChanges(List<EventEnvelope<?>> events) {
        Map<SubjectPurpose, ConsentFact> latest = new LinkedHashMap<>();
        Map<SubjectPurpose, String> decisions = new HashMap<>();
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case ConsentChanged change -> {
                    SubjectPurpose key = new SubjectPurpose(event.subjectId(), change.purpose());
                    ConsentFact fact = new ConsentFact(event.subjectId(), change.purpose(), change.state(),
                            change.effectiveAt());
                    ConsentFact held = latest.get(key);
                    if (held == null || !fact.effectiveAt().isBefore(held.effectiveAt())) {
                        latest.put(key, fact);
                        decisions.put(key, change.decisionId());
                    }
                }
                default -> {
                    // Only consent changes travel on this topic.
                }
            }
        }
        List<ConsentFact> takenAway = consents.apply(latest.values()).stream()
                .filter(applied -> applied.state() != ConsentState.GRANTED)
                .toList();
        // Waits for uploads under these purposes being screened now, so that their entries are seen below.
        consents.lockPurposes(takenAway.stream().map(ConsentFact::purposeCode).collect(Collectors.toSet()));
        for (ConsentFact applied : takenAway) {
            notices.noticeRemovals(applied.subjectId(),
                    decisions.get(new SubjectPurpose(applied.subjectId(), applied.purposeCode())),
                    applied.purposeCode());
        }
    }

    /** May the subject's data go to the recipient for the purpose? */
    @Transactional
    public SharingDecision check(String subjectId, String recipientCode, String purpose) {
        Recipient recipient = consentBasedRecipient(recipientCode);
        SharingDecision decision = SharingDecision.decide(recipient.consentPurpose(), purpose,
                consents.stateOf(subjectId, recipient.consentPurpose()).orElse(null),
                restrictions.isRestricted(subjectId));
        auditLog.record("disclosure.sharing.checked", subjectId, Map.of("recipient", recipientCode,
                "purpose", purpose, "allowed", decision.allowed()));
        return decision;
    }

    /**
     * Screens an audience upload: each subject is allowed or refused as {@link #check} would answer, and a
     * disclosure is recorded for each allowed subject under the upload's id. Repeating an upload adds nothing.
     */
    @Transactional
    public AudienceScreening screenUpload(String recipientCode, String purpose, String uploadId,
                                          List<String> subjectIds) {
        Recipient recipient = consentBasedRecipient(recipientCode);
        // Taken before the consents are read: a withdrawal being applied now is either seen here or sees this upload.
        consents.lockPurposes(List.of(recipient.consentPurpose()));
        List<String> subjects = List.copyOf(new LinkedHashSet<>(subjectIds));
        Map<String, ConsentState> known = consents.statesOf(subjects, recipient.consentPurpose());
        Set<String> restricted = restrictions.restrictedAmong(subjects);
        Instant now = clock.instant();
        String[] categories = Disclosure.codes(recipient.dataCategories());
        List<String> allowed = new ArrayList<>();
        Map<String, SharingDecision> refused = new LinkedHashMap<>();
        List<NewEntry> entries = new ArrayList<>();
        for (String subject : subjects) {
            SharingDecision decision = SharingDecision.decide(recipient.consentPurpose(), purpose, known.get(subject),
                    restricted.contains(subject));
            if (decision.allowed()) {
                allowed.add(subject);
                entries.add(new NewEntry(subject, recipientCode, DisclosureSource.AUDIENCE_UPLOAD, uploadId,
                        categories, LawfulBasis.CONSENT, now));
            } else {
                refused.put(subject, decision);
            }
        }
        disclosures.insertNew(entries, now);
        auditLog.record("disclosure.audience.screened", null, Map.of("recipient", recipientCode,
                "purpose", purpose, "uploadId", uploadId, "allowed", allowed.size(), "refused", refused.size()));
        return new AudienceScreening(allowed, refused);
    }

    /** The subjects an upload may include, and those it must leave out with the reason. */
    public record AudienceScreening(List<String> allowed, Map<String, SharingDecision> refused) {
    }

    private record SubjectPurpose(String subjectId, String purpose) {
    }

    private Recipient consentBasedRecipient(String code) {
        Recipient recipient = recipients.findByIdOptional(code).orElseThrow(() -> RecipientRegistry.unknown(code));
        if (recipient.consentPurpose() == null) {
            throw new ProblemException(DisclosureProblem.RECIPIENT_NOT_CONSENT_BASED, code
                    + " receives data on the basis " + recipient.lawfulBasis() + ", not consent: there is no consent "
                    + "to check");
        }
        return recipient;
    }
}
