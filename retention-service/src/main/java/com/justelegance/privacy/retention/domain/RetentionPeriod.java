package com.justelegance.privacy.retention.domain;

import com.justelegance.privacy.kit.input.PeriodRules;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * How long records are kept after their anchor: an ISO-8601 period of years, months, weeks or days ({@code P6Y},
 * {@code P18M}, {@code P30D}), never negative and at most a century. Added in UTC calendar terms, so six years
 * after 29 February is 28 February.
 */
public record RetentionPeriod(Period value) {

    private static final Period LONGEST = Period.ofYears(100);
    private static final String LONGEST_IN_WORDS = "a hundred years (P100Y)";

    public RetentionPeriod {
        if (value == null) {
            throw new IllegalArgumentException("period is required");
        }
        PeriodRules.requireWithin(value, LONGEST, LONGEST_IN_WORDS);
    }

    /** Reads an ISO-8601 period; the message of a refusal says what is expected. */
    public static RetentionPeriod parse(String text) {
        return new RetentionPeriod(PeriodRules.parse(text, LONGEST, LONGEST_IN_WORDS));
    }

    /** The instant the period ends when it starts at {@code anchor}. */
    public Instant after(Instant anchor) {
        return anchor.atZone(ZoneOffset.UTC).plus(value).toInstant();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
