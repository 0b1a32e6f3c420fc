package com.justelegance.privacy.retention;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the system clock until a test makes it stand at a given instant (years ahead, say).
 * Being a {@link Clock} bean, it replaces the kit's default one everywhere.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant standing;

    /** Every later "now" of the service is this instant, until {@link #reset()}. */
    public void standAt(Instant instant) {
        standing = instant;
    }

    /** Back to the system clock. */
    public void reset() {
        standing = null;
    }

    @Override
    public Instant instant() {
        Instant now = standing;
        return now == null ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The service works in UTC");
    }
}
