package com.justelegance.privacy.consent.service;

import com.justelegance.privacy.consent.domain.ConsentDecision;
import com.justelegance.privacy.consent.domain.CurrentConsent;
import com.justelegance.privacy.consent.repository.CurrentConsentRepository;
import com.justelegance.privacy.consent.repository.SoftOptInRepository;
import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything consent-service holds about a subject, for their access request (dsr-service calls it): current
 * state, the full decision history with its proof details decrypted, a receipt per decision, the order ids learnt
 * from the storefront for soft opt-ins, the channels on which their identifiers are suppressed, and the restrictions
 * of processing dsr-service put on them. The identifiers themselves are only held as keyed hashes and cannot be
 * given back.
 */
@ApplicationScoped
public class SubjectDataExport {

    private final CurrentConsentRepository currentConsents;
    private final ConsentLedger ledger;
    private final ConsentReceipts receipts;
    private final SuppressionList suppressionList;
    private final SoftOptInRepository softOptIns;
    private final SubjectRestrictions restrictions;
    private final AuditLog auditLog;
    private final Clock clock;

    public SubjectDataExport(CurrentConsentRepository currentConsents, ConsentLedger ledger,
                             ConsentReceipts receipts, SuppressionList suppressionList,
                             SoftOptInRepository softOptIns, SubjectRestrictions restrictions,
                             AuditLog auditLog, Clock clock) {
        this.currentConsents = currentConsents;
        this.ledger = ledger;
        this.receipts = receipts;
        this.suppressionList = suppressionList;
        this.softOptIns = softOptIns;
        this.restrictions = restrictions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The subject's data at one moment. */
    public record SubjectData(String subjectId, Instant exportedAt, List<CurrentConsent> currentConsents,
                              List<ConsentLedger.HistoryEntry> history, List<ConsentReceipts.Receipt> receipts,
                              Set<Channel> suppressedChannels, List<String> knownOrders,
                              List<SubjectRestrictions.Restriction> restrictions) {

        /** Whether a restriction of processing is in force now. */
        public boolean restricted() {
            return restrictions.stream().anyMatch(SubjectRestrictions.Restriction::inForce);
        }
    }

    @Transactional
    public SubjectData export(String subjectId) {
        List<ConsentLedger.HistoryEntry> history = ledger.history(subjectId);
        List<ConsentDecision> decisions = history.stream().map(ConsentLedger.HistoryEntry::decision).toList();
        SubjectData data = new SubjectData(subjectId, clock.instant(), currentConsents.forSubject(subjectId), history,
                receipts.receiptsFor(decisions), suppressionList.channelsForSubject(subjectId),
                softOptIns.ordersOf(subjectId), restrictions.restrictionsOf(subjectId));
        auditLog.record("consent.subject.exported", subjectId,
                Map.of("decisions", history.size(), "purposes", data.currentConsents().size()));
        return data;
    }

    /** The receipts for the subject's decisions, audited as a read. */
    @Transactional
    public List<ConsentReceipts.Receipt> receipts(String subjectId) {
        List<ConsentDecision> decisions = ledger.history(subjectId).stream()
                .map(ConsentLedger.HistoryEntry::decision).toList();
        auditLog.record("consent.receipts.read", subjectId, Map.of("receipts", decisions.size()));
        return receipts.receiptsFor(decisions);
    }
}
