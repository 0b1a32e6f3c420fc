package com.justelegance.privacy.disclosure.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Notice delivery backs off exponentially up to a ceiling, and gives up after the last attempt. */
class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(5), 6);

    @Test
    void eachRetryWaitsTwiceAsLongAsTheOneBefore() {
        assertThat(schedule.nextAttempt(1, NOW), equalTo(Optional.of(NOW.plusSeconds(30))));
        assertThat(schedule.nextAttempt(2, NOW), equalTo(Optional.of(NOW.plusSeconds(60))));
        assertThat(schedule.nextAttempt(3, NOW), equalTo(Optional.of(NOW.plusSeconds(120))));
    }

    @Test
    void theWaitNeverExceedsTheCeiling() {
        assertThat(schedule.nextAttempt(5, NOW), equalTo(Optional.of(NOW.plus(Duration.ofMinutes(5)))));
    }

    @Test
    void afterTheLastAttemptThereIsNoRetry() {
        assertThat(schedule.nextAttempt(6, NOW), equalTo(Optional.empty()));
    }
}
