package com.justelegance.privacy.disclosure.domain;

import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;

/** A registration must be coherent: transfers have a safeguard, consent has a purpose, channels an address. */
class RecipientTermsTest {

    @Test
    void aUkCourierWithAPortalIsSound() {
        assertThat(terms("GB", TransferSafeguard.NOT_A_TRANSFER, LawfulBasis.CONTRACT, null, NoticeChannel.PORTAL,
                "https://courier.example/privacy").problems(), empty());
    }

    @Test
    void aTransferOutsideTheUkNeedsASafeguardAndAUkRecipientNone() {
        assertThat(terms("US", TransferSafeguard.NOT_A_TRANSFER, LawfulBasis.CONTRACT, null, NoticeChannel.NONE,
                null).problems(), contains(containsString("transferSafeguard")));
        assertThat(terms("GB", TransferSafeguard.INTERNATIONAL_DATA_TRANSFER_AGREEMENT, LawfulBasis.CONTRACT, null,
                NoticeChannel.NONE, null).problems(), contains(containsString("transferSafeguard")));
    }

    @Test
    void consentBasedSharingNamesItsConsentPurposeAndOnlyIt() {
        assertThat(terms("GB", TransferSafeguard.NOT_A_TRANSFER, LawfulBasis.CONSENT, null, NoticeChannel.NONE,
                null).problems(), contains(containsString("consentPurpose")));
        assertThat(terms("GB", TransferSafeguard.NOT_A_TRANSFER, LawfulBasis.CONTRACT, "SOCIAL_MEDIA_AUDIENCES",
                NoticeChannel.NONE, null).problems(), contains(containsString("consentPurpose")));
    }

    @Test
    void eachNoticeChannelNeedsItsKindOfAddress() {
        assertThat(terms("GB", TransferSafeguard.NOT_A_TRANSFER, LawfulBasis.CONTRACT, null, NoticeChannel.API,
                "ftp://recipient.example/notices").problems(), contains(containsString("noticeAddress")));
        assertThat(terms("GB", TransferSafeguard.NOT_A_TRANSFER, LawfulBasis.CONTRACT, null, NoticeChannel.EMAIL,
                "not an address").problems(), contains(containsString("noticeAddress")));
        assertThat(terms("GB", TransferSafeguard.NOT_A_TRANSFER, LawfulBasis.CONTRACT, null, NoticeChannel.EMAIL,
                "privacy@recipient.example").problems(), empty());
        assertThat(terms("GB", TransferSafeguard.NOT_A_TRANSFER, LawfulBasis.CONTRACT, null, NoticeChannel.NONE,
                "https://recipient.example").problems(), contains(containsString("noticeAddress")));
    }

    private static RecipientTerms terms(String country, TransferSafeguard safeguard, LawfulBasis basis,
                                        String consentPurpose, NoticeChannel channel, String address) {
        return new RecipientTerms("Recipient", RecipientCategory.COURIER, RecipientRole.PROCESSOR,
                Set.of(DataCategory.CONTACT_NAME), "Delivering orders", basis, consentPurpose, country, safeguard,
                null, channel, address, 30);
    }
}
