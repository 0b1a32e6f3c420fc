package com.justelegance.privacy.consent.domain;

import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the privacy officer decides about a purpose, and the rules those decisions must respect: a purpose a
 * person opts into or out of rests on consent or on legitimate interest with an opt-out, and PECR's soft opt-in
 * exists only for electronic mail (e-mail and SMS) on a consent purpose.
 *
 * <p>{@code directMarketing} marks a marketing channel (an opt-out suppresses the channel, unsubscribe links exist);
 * {@code marketingProfiling} marks profiling or targeting for marketing that is not a channel of its own
 * (personalised e-mails, advertising audiences). An objection to direct marketing ends both kinds.
 */
public record PurposeTerms(Channel channel, LawfulBasis lawfulBasis, String description, boolean softOptInAllowed,
                           boolean saleOrSharing, boolean directMarketing, boolean marketingProfiling,
                           List<DataCategory> dataCategories, String thirdPartyName) {

    private static final Set<LawfulBasis> CATALOGUE_BASES = EnumSet.of(LawfulBasis.CONSENT,
            LawfulBasis.LEGITIMATE_INTEREST);
    private static final Set<Channel> ELECTRONIC_MAIL = EnumSet.of(Channel.EMAIL, Channel.SMS);

    public PurposeTerms {
        dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
    }

    /** The first rule these terms break, as a sentence for the caller; empty when they are consistent. */
    public Optional<String> violation() {
        if (!CATALOGUE_BASES.contains(lawfulBasis)) {
            return Optional.of("A purpose in the catalogue rests on CONSENT or LEGITIMATE_INTEREST (with opt-out)");
        }
        if (softOptInAllowed && (lawfulBasis != LawfulBasis.CONSENT || !ELECTRONIC_MAIL.contains(channel))) {
            return Optional.of("The soft opt-in exists only for consent purposes on the EMAIL or SMS channel");
        }
        return Optional.empty();
    }
}
