package com.justelegance.privacy.retention.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * How long records are kept after their anchor: an ISO-8601 period of years, months, weeks or days ({@code P6Y},
 * {@code P18M}, {@code P30D}), never negative and at most a century. Added in UTC calendar terms, so six years
 * after 29 February is 28 February.
 */
public record RetentionPeriod(Period value) {

    private static final LocalDate REFERENCE = LocalDate.of(2000, 1, 1);
    private static final LocalDate CENTURY_LATER = REFERENCE.plusYears(100);

    public RetentionPeriod {
        if (value == null) {
            throw new IllegalArgumentException("period is required");
        }
        if (value.isNegative()) {
            throw new IllegalArgumentException("period must not be negative");
        }
        if (longerThanACentury(value)) {
            throw new IllegalArgumentException("period must be at most a hundred years (P100Y)");
        }
    }

    private static boolean longerThanACentury(Period value) {
        try {
            return REFERENCE.plus(value).isAfter(CENTURY_LATER);
        } catch (DateTimeException | ArithmeticException beyondTheCalendar) {
            return true;
        }
    }

    /** Reads an ISO-8601 period; the message of a refusal says what is expected. */
    public static RetentionPeriod parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("period is required");
        }
        try {
            return new RetentionPeriod(Period.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "period must be an ISO-8601 period of years, months, weeks or days, for example P6Y", e);
        }
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
