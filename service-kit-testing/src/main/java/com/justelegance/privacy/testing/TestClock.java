package com.justelegance.privacy.testing;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The services' clock in tests: the system clock until a test makes it stand at an instant (years ahead, say) or
 * moves it forward by a duration. Being a {@link Clock} bean it replaces the kit's default clock in every service's
 * {@code @QuarkusTest}s; left alone it tells real time, so tests that never touch it see no difference.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant standing;
    private volatile Duration ahead = Duration.ZERO;

    /** Every later "now" is this instant (plus any {@link #moveForward} after it), until {@link #reset()}. */
    public void standAt(Instant instant) {
        standing = instant;
        ahead = Duration.ZERO;
    }

    /** Moves "now" forward, from where the clock stands or from real time. */
    public void moveForward(Duration duration) {
        ahead = ahead.plus(duration);
    }

    /** Back to the system clock. */
    public void reset() {
        standing = null;
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant base = standing;
        return (base == null ? Instant.now() : base).plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The services work in UTC");
    }
}
