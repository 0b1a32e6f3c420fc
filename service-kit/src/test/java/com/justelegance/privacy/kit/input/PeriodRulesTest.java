package com.justelegance.privacy.kit.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Period;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Periods that overflow, go backwards or outlast the bound are refused with a message, never an overflow. */
class PeriodRulesTest {

    private static final Period CENTURY = Period.ofYears(100);

    @Test
    void anOrdinaryPeriodIsRead() {
        assertThat(PeriodRules.parse(" P6Y ", CENTURY, "P100Y"), equalTo(Period.ofYears(6)));
        assertThat(PeriodRules.parse("P2W", CENTURY, "P100Y"), equalTo(Period.ofDays(14)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1000000000W", "P2147483648D", "P99999999999999999999Y", "P-2147483649M"})
    void numbersThatOverflowAreRefusedAsBadInput(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PeriodRules.parse(text, CENTURY, "P100Y"));

        assertThat(refused.getMessage(), containsString("ISO-8601"));
        assertThat(refused.getMessage(), not(containsString(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P101Y", "P1201M", "P5300W", "P2147483647Y", "P300000000W"})
    void periodsBeyondTheBoundAreRefused(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PeriodRules.parse(text, CENTURY, "a hundred years (P100Y)"));

        assertThat(refused.getMessage(), equalTo("period must be at most a hundred years (P100Y)"));
    }

    @Test
    void negativeAndMissingPeriodsAreRefused() {
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> PeriodRules.parse("P-1D", CENTURY, "P100Y")).getMessage(), containsString("negative"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> PeriodRules.parse("  ", CENTURY, "P100Y")).getMessage(), containsString("required"));
    }
}
