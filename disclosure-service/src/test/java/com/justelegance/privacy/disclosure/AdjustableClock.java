package com.justelegance.privacy.disclosure;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: real time, moved forward when a test needs to stand weeks ahead (a notice past
 * its recipient's response time). Replaces the kit's default clock bean.
 */
@Singleton
public class AdjustableClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    public void moveForward(Duration duration) {
        ahead = ahead.plus(duration);
    }

    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), ahead);
    }
}
