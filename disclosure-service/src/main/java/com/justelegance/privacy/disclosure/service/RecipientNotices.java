package com.justelegance.privacy.disclosure.service;

import com.justelegance.privacy.disclosure.domain.Disclosure;
import com.justelegance.privacy.disclosure.domain.NoticeKind;
import com.justelegance.privacy.disclosure.domain.NoticeStatus;
import com.justelegance.privacy.disclosure.domain.Recipient;
import com.justelegance.privacy.disclosure.domain.RecipientNotice;
import com.justelegance.privacy.disclosure.repository.DisclosureRepository;
import com.justelegance.privacy.disclosure.repository.NoticeRepository;
import com.justelegance.privacy.disclosure.repository.RecipientRepository;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.RectificationRequested;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.persistence.ConcurrentChanges;
import com.justelegance.privacy.kit.problem.DisclosureProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Notices to recipients: one per recipient the ledger shows actually received the subject's data, for an erasure,
 * a rectification (data of a corrected category) or a restriction (Art. 19), and for a withdrawn sharing consent
 * (the recipients of the subject's audience uploads under it). Each is tracked until the recipient acknowledges it
 * or the privacy officer records why telling the recipient is impossible or disproportionate.
 */
@ApplicationScoped
public class RecipientNotices {

    private final NoticeRepository notices;
    private final ConcurrentChanges changes;
    private final DisclosureRepository disclosures;
    private final RecipientRepository recipients;
    private final KeyedHash keyedHash;
    private final AuditLog auditLog;
    private final Clock clock;

    public RecipientNotices(NoticeRepository notices, ConcurrentChanges changes, DisclosureRepository disclosures,
                            RecipientRepository recipients, KeyedHash keyedHash, AuditLog auditLog, Clock clock) {
        this.notices = notices;
        this.changes = changes;
        this.disclosures = disclosures;
        this.recipients = recipients;
        this.keyedHash = keyedHash;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Creates the erasure notices for every recipient in the subject's ledger entries not yet told of this request,
     * and returns every notice of the request about the subject, those made before included (by recipient code):
     * the recipients the erasure receipt names.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RecipientNotice> noticeErasure(String subjectId, String requestId,
                                               List<Disclosure> subjectDisclosures) {
        create(NoticeKind.ERASURE, subjectId, requestId, subjectDisclosures, EnumSet.allOf(DataCategory.class));
        return notices.list("kind = ?1 and requestId = ?2 and subjectRef = ?3 order by recipientCode",
                NoticeKind.ERASURE, requestId, keyedHash.subjectRef(subjectId));
    }

    /**
     * Creates the removal notices a withdrawn, objected to or refused consent calls for: one per recipient of the
     * subject's audience uploads under that consent purpose that no removal notice has told yet, listing those
     * uploads. Each upload is marked with the notice that told it, so a redelivered or later withdrawal tells no
     * recipient twice about the same upload. Returns how many notices were created.
     *
     * @param decisionId consent-service's decision that took the consent away: the notices' request id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int noticeRemovals(String subjectId, String decisionId, String consentPurpose) {
        List<Disclosure> untold = disclosures.uploadsNotToldOfRemoval(subjectId, consentPurpose);
        if (untold.isEmpty()) {
            return 0;
        }
        List<RecipientNotice> created = create(NoticeKind.REMOVAL, subjectId, decisionId, untold,
                EnumSet.allOf(DataCategory.class));
        notices.flush(); // the uploads below refer to the new notices
        for (RecipientNotice notice : created) {
            disclosures.markToldOfRemoval(untold.stream()
                    .filter(upload -> upload.recipientCode().equals(notice.recipientCode()))
                    .map(Disclosure::id)
                    .toList(), notice.id());
        }
        auditLog.record("disclosure.removal.noticed", subjectId, Map.of("decision", decisionId,
                "purpose", consentPurpose, "notices", created.size()));
        return created.size();
    }

    /**
     * Creates the restriction notices (Art. 18 via Art. 19) for every recipient the ledger shows received the
     * subject's data, once per restriction request; returns how many were created.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int noticeRestriction(String subjectId, String requestId) {
        return create(NoticeKind.RESTRICTION, subjectId, requestId, disclosures.forSubject(subjectId, true),
                EnumSet.allOf(DataCategory.class)).size();
    }

    /** Creates the rectification notices each RectificationRequested in the batch calls for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void noticeRectifications(List<EventEnvelope<?>> events) {
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case RectificationRequested rectification -> {
                    int created = create(NoticeKind.RECTIFICATION, event.subjectId(), rectification.requestId(),
                            disclosures.forSubject(event.subjectId(), true),
                            EnumSet.copyOf(rectification.categories())).size();
                    auditLog.record("disclosure.rectification.noticed", event.subjectId(),
                            Map.of("request", rectification.requestId(), "notices", created));
                }
                default -> {
                    // Only rectification requests travel on this topic.
                }
            }
        }
    }

    /**
     * The notices about one subject: who was told, for Art. 19's "tell the person who they are". Notices to
     * recipients the subject may not learn about are left out unless the privacy officer asks for them.
     */
    @Transactional
    public List<RecipientNotice> forSubject(String subjectId, boolean includeWithheld) {
        List<RecipientNotice> found = notices.forSubjectRef(keyedHash.subjectRef(subjectId)).stream()
                .filter(notice -> includeWithheld || !notice.withheldFromSubject())
                .toList();
        auditLog.record("disclosure.notices.read", subjectId, Map.of("notices", found.size(),
                "includesWithheld", includeWithheld));
        return found;
    }

    @Transactional
    public RecipientNotice one(UUID id) {
        return notices.findByIdOptional(id).orElseThrow(() -> new ProblemException(DisclosureProblem.UNKNOWN_NOTICE,
                "No notice has id " + id));
    }

    /** Notices matching the filters; {@code overdue} keeps only open notices past their due date. */
    @Transactional
    public List<RecipientNotice> matching(NoticeStatus status, String recipientCode, boolean overdue, int limit) {
        return notices.matching(status, recipientCode, overdue ? clock.instant() : null, limit);
    }

    /** Records what a person did with a notice, or why it cannot be given. */
    @Transactional
    public RecipientNotice recordOutcome(UUID id, NoticeStatus outcome, String explanation) {
        RecipientNotice notice = one(id);
        NoticeStatus before = notice.status();
        try {
            notice.recordOutcome(outcome, explanation, clock.instant());
        } catch (IllegalStateException e) {
            throw new ProblemException(DisclosureProblem.NOTICE_STATE, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(DisclosureProblem.EXPLANATION_REQUIRED, e.getMessage()
                    + ": say why telling the recipient cannot be done or would take disproportionate effort");
        }
        changes.saveOrConflict(() -> new ProblemException(DisclosureProblem.NOTICE_STATE, "The notice changed from "
                + before + " while this outcome was recorded; read it again"));
        auditLog.record("disclosure.notice.outcome", null, Map.of("notice", id.toString(),
                "recipient", notice.recipientCode(), "outcome", outcome.name()));
        return notice;
    }

    /** One new notice per recipient of the disclosures not yet told of this request about the subject. */
    private List<RecipientNotice> create(NoticeKind kind, String subjectId, String requestId,
                                         List<Disclosure> subjectDisclosures, Set<DataCategory> concerned) {
        String subjectRef = keyedHash.subjectRef(subjectId);
        Set<String> alreadyNoticed = notices.list("kind = ?1 and requestId = ?2 and subjectRef = ?3",
                kind, requestId, subjectRef).stream().map(RecipientNotice::recipientCode).collect(Collectors.toSet());
        Map<String, Received> perRecipient = new LinkedHashMap<>();
        for (Disclosure disclosure : subjectDisclosures) {
            Set<DataCategory> relevant = EnumSet.noneOf(DataCategory.class);
            relevant.addAll(disclosure.dataCategories());
            relevant.retainAll(concerned);
            if (!relevant.isEmpty() && !alreadyNoticed.contains(disclosure.recipientCode())) {
                Received received = perRecipient.computeIfAbsent(disclosure.recipientCode(), code -> new Received());
                received.categories.addAll(relevant);
                received.references.add(disclosure.reference());
                received.visibleToSubject |= !disclosure.withheldFromSubject();
            }
        }
        Map<String, Recipient> registry = recipients.byCodes(perRecipient.keySet());
        Instant now = clock.instant();
        List<RecipientNotice> created = new ArrayList<>(perRecipient.size());
        perRecipient.forEach((code, received) -> created.add(new RecipientNotice(kind, requestId, subjectRef,
                registry.get(code), received.categories, received.references, !received.visibleToSubject, now)));
        notices.persist(created);
        Log.infof("Created %d %s notices for request %s", created.size(), kind, requestId);
        return created;
    }

    /** What one recipient received of the subject's data, and whether the subject may know it did. */
    private static final class Received {
        private final Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        private final Set<String> references = new TreeSet<>();
        private boolean visibleToSubject;
    }
}
