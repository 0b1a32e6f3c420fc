package com.justelegance.privacy.consent.domain;

import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.LawfulBasis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A consent purpose needs a grant; a legitimate-interest purpose is allowed until the person opts out. */
class ConsentAnswerTest {

    private static final Instant SINCE = Instant.parse("2026-11-24T10:15:00Z");

    @Test
    void aConsentPurposeWithoutAGrantIsRefused() {
        assertThat(ConsentAnswer.evaluate(LawfulBasis.CONSENT, null, null, null),
                equalTo(new ConsentAnswer(false, null, null, RefusalReason.NO_CONSENT)));
        assertThat(ConsentAnswer.evaluate(LawfulBasis.CONSENT, ConsentState.WITHDRAWN, LawfulBasis.CONSENT, SINCE),
                equalTo(new ConsentAnswer(false, null, SINCE, RefusalReason.WITHDRAWN)));
    }

    @Test
    void aGrantIsAllowedOnTheBasisItWasGivenOn() {
        assertThat(ConsentAnswer.evaluate(LawfulBasis.CONSENT, ConsentState.GRANTED, LawfulBasis.SOFT_OPT_IN, SINCE),
                equalTo(new ConsentAnswer(true, LawfulBasis.SOFT_OPT_IN, SINCE, null)));
    }

    @Test
    void aLegitimateInterestPurposeIsAllowedUntilTheObjection() {
        ConsentAnswer noRecord = ConsentAnswer.evaluate(LawfulBasis.LEGITIMATE_INTEREST, null, null, null);
        assertThat(noRecord.allowed(), equalTo(true));
        assertThat(noRecord.restsOnNoRecord(), equalTo(true));
        assertThat(ConsentAnswer.evaluate(LawfulBasis.LEGITIMATE_INTEREST, ConsentState.OBJECTED,
                        LawfulBasis.LEGITIMATE_INTEREST, SINCE),
                equalTo(new ConsentAnswer(false, null, SINCE, RefusalReason.OBJECTED)));
    }

    @ParameterizedTest(name = "after {0}")
    @EnumSource(value = ConsentState.class, names = {"OBJECTED", "WITHDRAWN", "DENIED"})
    void aLegitimateInterestPurposeIsRefusedAfterAnyOptOut(ConsentState optOut) {
        ConsentAnswer answer = ConsentAnswer.evaluate(LawfulBasis.LEGITIMATE_INTEREST, optOut,
                LawfulBasis.LEGITIMATE_INTEREST, SINCE);

        assertThat(answer, equalTo(new ConsentAnswer(false, null, SINCE, RefusalReason.valueOf(optOut.name()))));
    }
}
