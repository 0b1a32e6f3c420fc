package com.justelegance.privacy.disclosure.service;

import com.justelegance.privacy.disclosure.domain.Disclosure;
import com.justelegance.privacy.disclosure.repository.DisclosureRepository;
import com.justelegance.privacy.disclosure.repository.SubjectConsentRepository;
import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureCompleted.ErasedRecords;
import com.justelegance.privacy.events.ErasureCompleted.WithheldRecords;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.crypto.SubjectKeys;
import com.justelegance.privacy.kit.outbox.Outbox;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Erases a subject from this service: first the Art. 19 notices for every recipient that received their data,
 * then the ledger entries (kept only as anonymised counts), the consent projection and the subject's key, and
 * finally the receipt, ErasureCompleted, through the outbox; all in the consumer's transaction.
 */
@ApplicationScoped
public class SubjectErasure {

    private final DisclosureRepository disclosures;
    private final SubjectConsentRepository consents;
    private final RecipientNotices notices;
    private final SubjectKeys subjectKeys;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;
    private final String serviceName;

    public SubjectErasure(DisclosureRepository disclosures, SubjectConsentRepository consents,
                          RecipientNotices notices, SubjectKeys subjectKeys, Outbox outbox, AuditLog auditLog,
                          Clock clock, @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.disclosures = disclosures;
        this.consents = consents;
        this.notices = notices;
        this.subjectKeys = subjectKeys;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
        this.serviceName = serviceName;
    }

    /** Applies every ErasureRequested in the batch; other events are ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseAll(List<EventEnvelope<?>> events) {
        for (EventEnvelope<?> event : events) {
            if (event.payload() instanceof ErasureRequested request) {
                erase(event, request);
            }
        }
    }

    private void erase(EventEnvelope<?> event, ErasureRequested request) {
        String subjectId = event.subjectId();
        List<Disclosure> held = disclosures.forSubject(subjectId, true);
        int noticesCreated = notices.noticeErasure(subjectId, request.requestId(), held);
        long entriesErased = disclosures.eraseSubject(subjectId);
        int consentsErased = consents.eraseSubject(subjectId);
        subjectKeys.destroy(subjectId);

        // Mutable lists on purpose: EventFieldRules.listOf asks contains(null), which List.of refuses with an NPE.
        List<WithheldRecords> withheld = new ArrayList<>();
        if (noticesCreated > 0) {
            // The notices keep the recipients' own references until each recipient has been told.
            withheld.add(new WithheldRecords(DataCategory.DISCLOSURE_RECORDS, WithheldReason.ERASURE_RECORD, null));
        }
        List<ErasedRecords> erased = new ArrayList<>(List.of(
                new ErasedRecords(DataCategory.DISCLOSURE_RECORDS, entriesErased),
                new ErasedRecords(DataCategory.CONSENT_RECORDS, consentsErased)));
        outbox.publish(subjectId, new ErasureCompleted(request.requestId(), serviceName, erased, withheld,
                clock.instant()), event.eventId());
        auditLog.record("disclosure.subject.erased", subjectId, Map.of("requestId", request.requestId(),
                "entriesErased", entriesErased, "consentsErased", consentsErased, "notices", noticesCreated));
        Log.infof("Erasure %s: %d ledger entries anonymised, %d notices created", request.requestId(),
                entriesErased, noticesCreated);
    }
}
