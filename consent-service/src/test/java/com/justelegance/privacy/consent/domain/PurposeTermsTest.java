package com.justelegance.privacy.consent.domain;

import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.events.codes.LawfulBasis;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The catalogue cannot claim a basis PECR does not give. */
class PurposeTermsTest {

    @Test
    void theSoftOptInExistsOnlyForEmailAndSmsOnConsent() {
        assertThat(terms(Channel.EMAIL, LawfulBasis.CONSENT, true).violation().isPresent(), equalTo(false));
        assertThat(terms(Channel.SMS, LawfulBasis.CONSENT, true).violation().isPresent(), equalTo(false));
        assertThat(terms(Channel.POST, LawfulBasis.CONSENT, true).violation().isPresent(), equalTo(true));
        assertThat(terms(Channel.EMAIL, LawfulBasis.LEGITIMATE_INTEREST, true).violation().isPresent(),
                equalTo(true));
    }

    @Test
    void aCataloguePurposeRestsOnConsentOrLegitimateInterest() {
        assertThat(terms(Channel.WEB, LawfulBasis.CONTRACT, false).violation().isPresent(), equalTo(true));
        assertThat(terms(Channel.POST, LawfulBasis.LEGITIMATE_INTEREST, false).violation().isPresent(),
                equalTo(false));
    }

    private static PurposeTerms terms(Channel channel, LawfulBasis basis, boolean softOptIn) {
        return new PurposeTerms(channel, basis, "A purpose", softOptIn, false, true, false, List.of(), null);
    }
}
