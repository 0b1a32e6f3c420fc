package com.justelegance.privacy.consent.domain;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The same person matches the suppression list however their e-mail address or phone number was typed. */
class ContactIdentifierTest {

    @Test
    void emailAddressesAreTrimmedAndLowerCased() {
        assertThat(ContactIdentifier.of(IdentifierType.EMAIL, "  Jane.Doe@Example.COM ", "GB").normalised(),
                equalTo("jane.doe@example.com"));
    }

    @Test
    void ukPhoneNumbersInEveryCommonSpellingBecomeTheSameE164Number() {
        String expected = "+447700900123";
        for (String spelling : new String[]{"07700 900123", "+44 7700 900123", "+44 (0)7700 900123",
                "0044 7700-900-123", "(07700) 900 123"}) {
            assertThat(spelling, ContactIdentifier.of(IdentifierType.PHONE, spelling, "GB").normalised(),
                    equalTo(expected));
        }
        assertThat(ContactIdentifier.of(IdentifierType.PHONE, "+44(0)121 693 6030", "GB").normalised(),
                equalTo("+441216936030"));
    }

    @Test
    void somethingThatIsNotAnIdentifierIsRefusedWithoutQuotingIt() {
        IllegalArgumentException email = assertThrows(IllegalArgumentException.class,
                () -> ContactIdentifier.of(IdentifierType.EMAIL, "jane at example", "GB"));
        assertThat(email.getMessage(), not(containsString("jane")));
        assertThrows(IllegalArgumentException.class,
                () -> ContactIdentifier.of(IdentifierType.PHONE, "call me maybe", "GB"));
        assertThrows(IllegalArgumentException.class, () -> ContactIdentifier.of(IdentifierType.PHONE, "12", "GB"));
    }

    @Test
    void emailAndPhoneHashesUseDifferentPurposes() {
        assertThat(ContactIdentifier.of(IdentifierType.EMAIL, "a@b.example", "GB").hashPurpose(),
                not(equalTo(ContactIdentifier.of(IdentifierType.PHONE, "07700900123", "GB").hashPurpose())));
    }
}
