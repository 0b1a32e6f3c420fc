package com.justelegance.privacy.dsr.domain;

import java.time.LocalDate;

/**
 * The UK GDPR deadline to respond to a data-subject request (ICO guidance): one calendar month from the day the
 * request is received, to the corresponding date of the next month, or that month's last day when it has no such
 * date; moved to the next working day when it falls on a weekend or a bank holiday. An extension counts three
 * months the same way. {@link ResponseClock} applies these to a case with restarts, pauses and an extension.
 */
public final class ResponseDeadline {

    private ResponseDeadline() {
    }

    public static LocalDate dueDate(LocalDate receivedOn, BankHolidayCalendar calendar) {
        return calendar.nextWorkingDayFrom(oneMonthFrom(receivedOn));
    }

    /** The calendar end of the one-month period, before moving it off a non-working day. */
    public static LocalDate oneMonthFrom(LocalDate start) {
        // plusMonths keeps the day of month, or clamps to the last day of a shorter month (31 Jan -> 28/29 Feb).
        return start.plusMonths(1);
    }

    /** The calendar end of the period with the extension by two further months: three months from the start. */
    public static LocalDate threeMonthsFrom(LocalDate start) {
        // Counted from the start, not by adding two months to the one-month date: 31 Jan -> 30 Apr, not 28 Apr.
        return start.plusMonths(3);
    }
}
