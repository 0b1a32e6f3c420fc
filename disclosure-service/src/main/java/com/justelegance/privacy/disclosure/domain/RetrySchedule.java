package com.justelegance.privacy.disclosure.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential back-off for notice delivery: the first retry after {@code initialDelay}, each later one after twice
 * the previous delay, never more than {@code maxDelay}, and no retry after {@code maxAttempts} attempts.
 */
public record RetrySchedule(Duration initialDelay, Duration maxDelay, int maxAttempts) {

    public RetrySchedule {
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("A retry schedule needs 0 <= initial <= max delay and 1+ attempts");
        }
    }

    /** When to try again after {@code attemptsMade} failed attempts, or empty when it is time to give up. */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant now) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = initialDelay;
        for (int i = 1; i < attemptsMade && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay));
    }
}
