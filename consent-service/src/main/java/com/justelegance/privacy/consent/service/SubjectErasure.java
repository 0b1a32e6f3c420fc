package com.justelegance.privacy.consent.service;

import com.justelegance.privacy.consent.domain.IdentifierType;
import com.justelegance.privacy.consent.domain.ProofDetails;
import com.justelegance.privacy.consent.repository.ConsentDecisionRepository;
import com.justelegance.privacy.consent.repository.CurrentConsentRepository;
import com.justelegance.privacy.consent.repository.SoftOptInRepository;
import com.justelegance.privacy.consent.repository.SubjectRequestActionRepository;
import com.justelegance.privacy.consent.repository.SuppressionRepository;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.kit.erasure.ErasureOrder;
import com.justelegance.privacy.kit.erasure.ErasureParticipant;
import com.justelegance.privacy.kit.erasure.ErasureResult;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * This service's part in erasure (the kit's erasure protocol does the rest): the current state, the decision
 * history with its proofs and soft opt-in records, the record of what data-subject requests did here, the
 * restrictions of processing (lifted or not), the order ids learnt from the storefront, and the link from the
 * subject to its identifier hashes go. The suppression entries stay (keyed hashes and channels, so the person is
 * never marketed to again), and the receipt says so. The kit's tombstone then refuses late decisions and
 * unsubscribe links for the subject, and erases orders that arrive late.
 */
@ApplicationScoped
public class SubjectErasure implements ErasureParticipant {

    private final ConsentLedger ledger;
    private final CurrentConsentRepository currentConsents;
    private final ConsentDecisionRepository decisions;
    private final SuppressionRepository suppression;
    private final SoftOptInRepository softOptIns;
    private final SubjectRequestActionRepository requestActions;
    private final SubjectRestrictions restrictions;

    public SubjectErasure(ConsentLedger ledger, CurrentConsentRepository currentConsents,
                          ConsentDecisionRepository decisions, SuppressionRepository suppression,
                          SoftOptInRepository softOptIns, SubjectRequestActionRepository requestActions,
                          SubjectRestrictions restrictions) {
        this.ledger = ledger;
        this.currentConsents = currentConsents;
        this.decisions = decisions;
        this.suppression = suppression;
        this.softOptIns = softOptIns;
        this.requestActions = requestActions;
        this.restrictions = restrictions;
    }

    @Override
    public ErasureResult erase(ErasureOrder order) {
        String subjectId = order.subjectId();
        boolean suppressed = !suppression.suppressedChannels(suppression.contactHashes(subjectId)).isEmpty();
        List<ProofDetails> proofs = ledger.history(subjectId).stream()
                .flatMap(entry -> entry.proof().stream()).toList();
        long preferences = currentConsents.deleteForSubject(subjectId);
        softOptIns.deleteSoftOptInsFor(subjectId);
        // Before the decisions they refer to; both are records of what was decided for the subject.
        int requestRecords = requestActions.deleteForSubject(subjectId) + restrictions.eraseSubject(subjectId);
        int decisionCount = decisions.deleteForSubject(subjectId);
        int orders = softOptIns.deleteOrdersOf(subjectId);
        Map<IdentifierType, Long> identifiers = suppression.deleteContacts(subjectId);

        ErasureResult result = ErasureResult.nothing()
                .erased(DataCategory.CONSENT_RECORDS, decisionCount + requestRecords)
                .erased(DataCategory.MARKETING_PREFERENCES, preferences)
                .erased(DataCategory.IP_ADDRESS, proofs.stream().filter(p -> p.ipPrefix() != null).count())
                .erased(DataCategory.DEVICE_INFO, proofs.stream().filter(p -> p.userAgent() != null).count())
                .erased(DataCategory.EMAIL, identifiers.getOrDefault(IdentifierType.EMAIL, 0L))
                .erased(DataCategory.PHONE, identifiers.getOrDefault(IdentifierType.PHONE, 0L))
                .erased(DataCategory.PURCHASE_HISTORY, orders);
        if (suppressed) {
            result.kept(DataCategory.MARKETING_PREFERENCES, WithheldReason.SUPPRESSION_LIST, null);
        }
        return result;
    }

    @Override
    public DataCategory recordCategory() {
        return DataCategory.CONSENT_RECORDS;
    }
}
