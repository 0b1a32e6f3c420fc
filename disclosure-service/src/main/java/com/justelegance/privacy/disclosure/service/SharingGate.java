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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Consent-gated sharing: answers whether a subject's data may go to a recipient that needs consent, from the local
 * projection of ConsentChanged, and records an audience upload's disclosures for the allowed subjects only.
 */
@ApplicationScoped
public class SharingGate {

    private final SubjectConsentRepository consents;
    private final RecipientRepository recipients;
    private final DisclosureRepository disclosures;
    private final AuditLog auditLog;
    private final Clock clock;

    public SharingGate(SubjectConsentRepository consents, RecipientRepository recipients,
                       DisclosureRepository disclosures, AuditLog auditLog, Clock clock) {
        this.consents = consents;
        this.recipients = recipients;
        this.disclosures = disclosures;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Moves the projection to the latest state per subject and purpose the batch carries, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyConsentChanges(List<EventEnvelope<?>> events) {
        Map<SubjectPurpose, ConsentFact> latest = new LinkedHashMap<>();
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case ConsentChanged change -> {
                    ConsentFact fact = new ConsentFact(event.subjectId(), change.purpose(), change.state(),
                            change.effectiveAt());
                    latest.merge(new SubjectPurpose(event.subjectId(), change.purpose()), fact,
                            (held, arriving) -> arriving.effectiveAt().isBefore(held.effectiveAt()) ? held : arriving);
                }
                default -> {
                    // Only consent changes travel on this topic.
                }
            }
        }
        consents.apply(latest.values());
    }

    /** May the subject's data go to the recipient for the purpose? */
    @Transactional
    public SharingDecision check(String subjectId, String recipientCode, String purpose) {
        Recipient recipient = consentBasedRecipient(recipientCode);
        SharingDecision decision = SharingDecision.decide(recipient.consentPurpose(), purpose,
                consents.stateOf(subjectId, recipient.consentPurpose()).orElse(null));
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
        List<String> subjects = List.copyOf(new LinkedHashSet<>(subjectIds));
        Map<String, ConsentState> known = consents.statesOf(subjects, recipient.consentPurpose());
        Instant now = clock.instant();
        String[] categories = Disclosure.codes(recipient.dataCategories());
        List<String> allowed = new ArrayList<>();
        Map<String, SharingDecision> refused = new LinkedHashMap<>();
        List<NewEntry> entries = new ArrayList<>();
        for (String subject : subjects) {
            SharingDecision decision = SharingDecision.decide(recipient.consentPurpose(), purpose, known.get(subject));
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
