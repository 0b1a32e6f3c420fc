package com.justelegance.privacy.consent.service;

import com.justelegance.privacy.consent.domain.IdentifierType;
import com.justelegance.privacy.consent.domain.ProofDetails;
import com.justelegance.privacy.consent.repository.ConsentDecisionRepository;
import com.justelegance.privacy.consent.repository.CurrentConsentRepository;
import com.justelegance.privacy.consent.repository.ErasedSubjectRepository;
import com.justelegance.privacy.consent.repository.SoftOptInRepository;
import com.justelegance.privacy.consent.repository.SuppressionRepository;
import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureCompleted.ErasedRecords;
import com.justelegance.privacy.events.ErasureCompleted.WithheldRecords;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.crypto.SubjectKeys;
import com.justelegance.privacy.kit.outbox.Outbox;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Erases a subject on ErasureRequested: the current state, the decision history with its proofs and soft opt-in
 * records, the order ids learnt from the storefront, and the link from the subject to its identifier hashes go, and
 * the subject's key is destroyed (so any copy of the encrypted proof,
 * in a backup say, is unreadable). Two things stay, and the receipt says so: the suppression entries (keyed hashes
 * and channels, so the person is never marketed to again) and a keyed hash of the subject id recording that the
 * erasure happened (so a late decision or unsubscribe link does not bring the ledger back).
 */
@ApplicationScoped
public class SubjectErasure {

    private final ConsentLedger ledger;
    private final CurrentConsentRepository currentConsents;
    private final ConsentDecisionRepository decisions;
    private final SuppressionRepository suppression;
    private final ErasedSubjectRepository erasedSubjects;
    private final SoftOptInRepository softOptIns;
    private final SubjectKeys subjectKeys;
    private final KeyedHash keyedHash;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;
    private final String serviceName;

    public SubjectErasure(ConsentLedger ledger, CurrentConsentRepository currentConsents, ConsentDecisionRepository decisions,
                          SuppressionRepository suppression, ErasedSubjectRepository erasedSubjects,
                          SoftOptInRepository softOptIns, SubjectKeys subjectKeys, KeyedHash keyedHash, Outbox outbox,
                          AuditLog auditLog, Clock clock,
                          @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.ledger = ledger;
        this.currentConsents = currentConsents;
        this.decisions = decisions;
        this.suppression = suppression;
        this.erasedSubjects = erasedSubjects;
        this.softOptIns = softOptIns;
        this.subjectKeys = subjectKeys;
        this.keyedHash = keyedHash;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
        this.serviceName = serviceName;
    }

    /** Applies a batch from the erasure-requests topic inside the consumer's transaction; other events are ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseRequested(List<EventEnvelope<?>> events) {
        for (EventEnvelope<?> event : events) {
            if (event.payload() instanceof ErasureRequested request) {
                erase(event, request);
            }
        }
    }

    private void erase(EventEnvelope<?> event, ErasureRequested request) {
        String subjectId = event.subjectId();
        currentConsents.lockSubject(subjectId);
        boolean suppressed = !suppression.suppressedChannels(suppression.contactHashes(subjectId)).isEmpty();
        List<ProofDetails> proofs = ledger.history(subjectId).stream()
                .flatMap(entry -> entry.proof().stream()).toList();
        long preferences = currentConsents.deleteForSubject(subjectId);
        softOptIns.deleteSoftOptInsFor(subjectId);
        int decisionCount = decisions.deleteForSubject(subjectId);
        int orders = softOptIns.deleteOrdersOf(subjectId);
        Map<IdentifierType, Long> identifiers = suppression.deleteContacts(subjectId);
        subjectKeys.destroy(subjectId);
        Instant now = clock.instant();

        List<ErasedRecords> erased = new ArrayList<>();
        add(erased, DataCategory.CONSENT_RECORDS, decisionCount);
        add(erased, DataCategory.MARKETING_PREFERENCES, preferences);
        add(erased, DataCategory.IP_ADDRESS, proofs.stream().filter(p -> p.ipPrefix() != null).count());
        add(erased, DataCategory.DEVICE_INFO, proofs.stream().filter(p -> p.userAgent() != null).count());
        add(erased, DataCategory.EMAIL, identifiers.getOrDefault(IdentifierType.EMAIL, 0L));
        add(erased, DataCategory.PHONE, identifiers.getOrDefault(IdentifierType.PHONE, 0L));
        add(erased, DataCategory.PURCHASE_HISTORY, orders);
        List<WithheldRecords> withheld = new ArrayList<>();
        if (suppressed) {
            withheld.add(new WithheldRecords(DataCategory.MARKETING_PREFERENCES, WithheldReason.SUPPRESSION_LIST,
                    null));
        }
        if (!erased.isEmpty()) {
            erasedSubjects.add(keyedHash.subjectRef(subjectId), request.requestId(), now);
            withheld.add(new WithheldRecords(DataCategory.CONSENT_RECORDS, WithheldReason.ERASURE_RECORD, null));
        }
        outbox.publish(subjectId, new ErasureCompleted(request.requestId(), serviceName, erased, withheld, now),
                event.eventId());
        auditLog.record("consent.subject.erased", subjectId, Map.of("request", request.requestId(),
                "decisions", decisionCount, "preferences", preferences, "suppressionKept", suppressed));
        Log.infof("Erased subject %s for request %s: %d decisions, %d preferences", subjectId, request.requestId(),
                decisionCount, preferences);
    }

    private static void add(List<ErasedRecords> erased, DataCategory category, long count) {
        if (count > 0) {
            erased.add(new ErasedRecords(category, count));
        }
    }
}
