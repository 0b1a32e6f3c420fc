package com.justelegance.privacy.console.centre;

import io.smallrye.faulttolerance.api.RateLimitException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One client that posts too often is refused; the others are not, and the next minute it may post again. */
class ClientRateLimitsTest {

    private static final Instant NOON = Instant.parse("2026-12-01T12:00:10Z");

    @Test
    void aClientOverItsLimitIsRefusedWhileOthersGoOn() {
        ClientRateLimits limits = new ClientRateLimits(3, Clock.fixed(NOON, ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            limits.admit("203.0.113.7");
        }
        assertThrows(RateLimitException.class, () -> limits.admit("203.0.113.7"));
        assertDoesNotThrow(() -> limits.admit("198.51.100.2"));
    }

    @Test
    void theNextMinuteTheClientMayPostAgain() {
        MovableClock clock = new MovableClock(NOON);
        ClientRateLimits limits = new ClientRateLimits(1, clock);
        limits.admit("203.0.113.7");
        assertThrows(RateLimitException.class, () -> limits.admit("203.0.113.7"));

        clock.now = NOON.plus(Duration.ofMinutes(1));
        assertDoesNotThrow(() -> limits.admit("203.0.113.7"));
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
