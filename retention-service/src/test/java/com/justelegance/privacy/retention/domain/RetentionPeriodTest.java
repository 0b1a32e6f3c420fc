package com.justelegance.privacy.retention.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Retention periods are calendar periods that a privacy officer can write and a typo cannot slip through. */
class RetentionPeriodTest {

    @Test
    void sixYearsAfterALeapDayIsTheTwentyEighthOfFebruary() {
        RetentionPeriod sixYears = RetentionPeriod.parse("P6Y");

        assertThat(sixYears.after(Instant.parse("2024-02-29T12:00:00Z")),
                equalTo(Instant.parse("2030-02-28T12:00:00Z")));
    }

    @Test
    void weeksAreKeptAsDaysAndZeroIsAllowed() {
        assertThat(RetentionPeriod.parse("P2W").toString(), equalTo("P14D"));
        assertThat(RetentionPeriod.parse("P0D").after(Instant.parse("2026-01-01T00:00:00Z")),
                equalTo(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"six years", "6Y", "PT48H", "P", ""})
    void whatIsNotAnIsoPeriodOfDaysOrMoreIsRefusedSayingWhatIsExpected(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RetentionPeriod.parse(text));

        assertThat(refused.getMessage(), containsString("period"));
    }

    @Test
    void aNegativePeriodIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RetentionPeriod.parse("P6Y-1M"));

        assertThat(refused.getMessage(), containsString("negative"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P600Y", "P1201M", "P2147483647Y"})
    void aPeriodLongerThanACenturyIsRefused(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RetentionPeriod.parse(text));

        assertThat(refused.getMessage(), containsString("hundred years"));
    }
}
