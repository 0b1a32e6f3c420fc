package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.domain.Purpose;
import com.justelegance.privacy.consent.domain.PurposeTerms;
import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request and response bodies of the purpose catalogue API. */
public final class PurposeDtos {

    private PurposeDtos() {
    }

    /**
     * A purpose's terms as the privacy officer sets them.
     *
     * @param directMarketing    a marketing channel: an opt-out suppresses the channel, unsubscribe links exist
     * @param marketingProfiling profiling or targeting for marketing without a channel of its own (personalised
     *                           e-mails, advertising audiences); an objection to direct marketing ends it too
     * @param expectedVersion absent to add a purpose; to change one, the version read from the catalogue (a change
     *                        made meanwhile by someone else makes this one a conflict instead of overwriting it)
     */
    public record PurposeRequest(@NotNull Channel channel, @NotNull LawfulBasis lawfulBasis,
                                 @NotBlank @Size(max = 500) String description, boolean softOptInAllowed,
                                 boolean saleOrSharing, boolean directMarketing, boolean marketingProfiling,
                                 @Size(max = 30) List<@NotNull DataCategory> dataCategories,
                                 @Size(max = 200) String thirdPartyName,
                                 @Positive Long expectedVersion) {

        PurposeTerms terms() {
            return new PurposeTerms(channel, lawfulBasis, description, softOptInAllowed, saleOrSharing,
                    directMarketing, marketingProfiling, dataCategories, thirdPartyName);
        }
    }

    /** A purpose of the catalogue, with the version a change must name as expectedVersion. */
    public record PurposeView(String code, Channel channel, LawfulBasis lawfulBasis, String description,
                              boolean softOptInAllowed, boolean saleOrSharing, boolean directMarketing,
                              boolean marketingProfiling, List<DataCategory> dataCategories, String thirdPartyName,
                              long version) {

        static PurposeView of(Purpose p) {
            return new PurposeView(p.code(), p.channel(), p.lawfulBasis(), p.description(), p.softOptInAllowed(),
                    p.saleOrSharing(), p.directMarketing(), p.marketingProfiling(), p.dataCategories(), p.thirdPartyName(), p.version());
        }
    }
}
