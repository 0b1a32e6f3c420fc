package com.justelegance.privacy.disclosure.domain;

import com.justelegance.privacy.events.codes.ConsentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Sharing that rests on consent fails closed: only a known GRANTED for the recipient's own purpose says yes, and
 * never while the subject's processing is restricted.
 */
class SharingDecisionTest {

    private static final String AUDIENCES = "SOCIAL_MEDIA_AUDIENCES";

    @Test
    void aGrantedConsentForTheRecipientsPurposeAllowsSharing() {
        SharingDecision decision = SharingDecision.decide(AUDIENCES, AUDIENCES, ConsentState.GRANTED, false);
        assertThat(decision.allowed(), equalTo(true));
        assertThat(decision.reason(), equalTo(SharingDecision.Reason.CONSENT_GRANTED));
    }

    @Test
    void noKnownConsentMeansNo() {
        SharingDecision decision = SharingDecision.decide(AUDIENCES, AUDIENCES, null, false);
        assertThat(decision.allowed(), equalTo(false));
        assertThat(decision.reason(), equalTo(SharingDecision.Reason.NO_CONSENT_KNOWN));
    }

    @ParameterizedTest
    @EnumSource(value = ConsentState.class, names = "GRANTED", mode = EnumSource.Mode.EXCLUDE)
    void anyOtherStateMeansNo(ConsentState state) {
        SharingDecision decision = SharingDecision.decide(AUDIENCES, AUDIENCES, state, false);
        assertThat(decision.allowed(), equalTo(false));
        assertThat(decision.reason(), equalTo(SharingDecision.Reason.CONSENT_NOT_GRANTED));
        assertThat(decision.consentState(), equalTo(state));
    }

    @Test
    void aConsentForAnotherPurposeDoesNotCount() {
        SharingDecision decision = SharingDecision.decide(AUDIENCES, "ANALYTICS_COOKIES", ConsentState.GRANTED, false);
        assertThat(decision.allowed(), equalTo(false));
        assertThat(decision.reason(), equalTo(SharingDecision.Reason.PURPOSE_NOT_REGISTERED));
    }

    @ParameterizedTest
    @EnumSource(ConsentState.class)
    void aRestrictedSubjectIsRefusedWhateverTheConsent(ConsentState state) {
        SharingDecision decision = SharingDecision.decide(AUDIENCES, AUDIENCES, state, true);
        assertThat(decision.allowed(), equalTo(false));
        assertThat(decision.reason(), equalTo(SharingDecision.Reason.RESTRICTED));
        assertThat(decision.consentState(), equalTo(state));
    }

    @Test
    void aRestrictedSubjectWithNoConsentKnownIsRefusedForTheRestriction() {
        SharingDecision decision = SharingDecision.decide(AUDIENCES, AUDIENCES, null, true);
        assertThat(decision.allowed(), equalTo(false));
        assertThat(decision.reason(), equalTo(SharingDecision.Reason.RESTRICTED));
    }
}
