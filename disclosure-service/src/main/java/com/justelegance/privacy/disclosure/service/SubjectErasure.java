package com.justelegance.privacy.disclosure.service;

import com.justelegance.privacy.disclosure.domain.Disclosure;
import com.justelegance.privacy.disclosure.domain.RecipientNotice;
import com.justelegance.privacy.disclosure.repository.DisclosureRepository;
import com.justelegance.privacy.disclosure.repository.SubjectConsentRepository;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.kit.erasure.ErasureOrder;
import com.justelegance.privacy.kit.erasure.ErasureParticipant;
import com.justelegance.privacy.kit.erasure.ErasureResult;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * This service's part in erasure (the kit's erasure protocol does the rest): first the Art. 19 notices for every
 * recipient that received the subject's data, then the ledger entries (kept only as anonymised counts), the
 * consent projection and the subject's restrictions (as DSR_CASE_FILE: the service's record of the subject's
 * restriction requests). The notices keep the recipients' own references until each recipient has been told, and
 * the receipt says so; it also names the recipients told, except those whose disclosures were withheld from the
 * subject (the police, fraud checks), as the receipt ends up on the subject's erasure certificate. A disclosure
 * that arrives after the erasure (a late order) is noticed and erased the same way.
 */
@ApplicationScoped
public class SubjectErasure implements ErasureParticipant {

    private final DisclosureRepository disclosures;
    private final SubjectConsentRepository consents;
    private final SubjectRestrictions restrictions;
    private final RecipientNotices notices;

    public SubjectErasure(DisclosureRepository disclosures, SubjectConsentRepository consents,
                          SubjectRestrictions restrictions, RecipientNotices notices) {
        this.disclosures = disclosures;
        this.consents = consents;
        this.restrictions = restrictions;
        this.notices = notices;
    }

    @Override
    public ErasureResult erase(ErasureOrder order) {
        String subjectId = order.subjectId();
        List<Disclosure> held = disclosures.forSubject(subjectId, true);
        List<RecipientNotice> told = notices.noticeErasure(subjectId, order.requestId(), held);
        ErasureResult result = ErasureResult.nothing()
                .erased(DataCategory.DISCLOSURE_RECORDS, disclosures.eraseSubject(subjectId))
                .erased(DataCategory.CONSENT_RECORDS, consents.eraseSubject(subjectId))
                .erased(DataCategory.DSR_CASE_FILE, restrictions.eraseSubject(subjectId));
        told.stream()
                .filter(notice -> !notice.withheldFromSubject())
                .forEach(notice -> result.notified(notice.recipientCode()));
        if (!told.isEmpty()) {
            result.kept(DataCategory.DISCLOSURE_RECORDS, WithheldReason.ERASURE_RECORD, null);
        }
        return result;
    }

    @Override
    public DataCategory recordCategory() {
        return DataCategory.DISCLOSURE_RECORDS;
    }
}
