package com.justelegance.privacy.disclosure.rest;

import com.justelegance.privacy.disclosure.domain.Recipient;
import com.justelegance.privacy.disclosure.domain.RecipientCategory;
import com.justelegance.privacy.disclosure.domain.RecipientRole;
import com.justelegance.privacy.disclosure.domain.RecipientTerms;
import com.justelegance.privacy.disclosure.domain.TransferSafeguard;
import com.justelegance.privacy.disclosure.service.RecordsOfProcessing.RecipientVolume;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;

import java.util.List;
import java.util.Map;

/** Response bodies of the records of processing API. */
public final class ProcessingRecordDtos {

    private ProcessingRecordDtos() {
    }

    /** The recipients part of the records of processing for the months from..to. */
    public record ProcessingSummary(String from, String to, List<RecipientSummary> recipients) {
    }

    /**
     * A recipient, what the registry says about it, and how much went to it.
     *
     * @param anonymisedDisclosures how many of the disclosures belong to erased subjects and survive only as counts
     */
    public record RecipientSummary(String code, String displayName, RecipientCategory category, RecipientRole role,
                                   String purpose, LawfulBasis lawfulBasis, String country,
                                   TransferSafeguard transferSafeguard, List<DataCategory> registeredDataCategories,
                                   long disclosures, long anonymisedDisclosures,
                                   Map<DataCategory, Long> disclosuresPerCategory) {

        static RecipientSummary of(RecipientVolume volume) {
            Recipient r = volume.recipient();
            RecipientTerms terms = r.terms();
            return new RecipientSummary(r.code(), terms.displayName(), terms.category(), terms.role(),
                    terms.purpose(), terms.lawfulBasis(), terms.country(), terms.transferSafeguard(),
                    r.dataCategories().stream().toList(), volume.disclosures(), volume.anonymisedDisclosures(),
                    volume.disclosuresPerCategory());
        }
    }
}
