package com.justelegance.privacy.kit.input;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

/**
 * What ISO-8601 periods ({@code P6Y}, {@code P18M}, {@code P2W}, {@code P30D}) the services accept: not negative and
 * at most a given length measured on the calendar. {@link Period#parse} itself throws an unchecked
 * {@link ArithmeticException} for numbers that overflow ({@code P1000000000W}); here every refusal is an
 * {@link IllegalArgumentException} whose message says what is expected and never quotes the input.
 */
public final class PeriodRules {

    private static final LocalDate REFERENCE = LocalDate.of(2000, 1, 1);

    private PeriodRules() {
    }

    /**
     * Reads {@code text} as a period no longer than {@code longest}.
     *
     * @param longestInWords how the bound reads in a message, for example "a hundred years (P100Y)"
     */
    public static Period parse(String text, Period longest, String longestInWords) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("period is required");
        }
        Period period;
        try {
            period = Period.parse(text.strip());
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "period must be an ISO-8601 period of years, months, weeks or days, for example P6Y");
        }
        requireWithin(period, longest, longestInWords);
        return period;
    }

    /** Refuses a negative period, or one longer than {@code longest}. */
    public static void requireWithin(Period period, Period longest, String longestInWords) {
        if (period.isNegative()) {
            throw new IllegalArgumentException("period must not be negative");
        }
        if (longerThan(period, longest)) {
            throw new IllegalArgumentException("period must be at most " + longestInWords);
        }
    }

    private static boolean longerThan(Period period, Period longest) {
        try {
            return REFERENCE.plus(period).isAfter(REFERENCE.plus(longest));
        } catch (DateTimeException | ArithmeticException beyondTheCalendar) {
            return true;
        }
    }
}
