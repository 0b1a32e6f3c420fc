package com.justelegance.privacy.dsr.domain;

import java.time.LocalDate;

/**
 * The UK GDPR deadline to respond to a data-subject request (ICO guidance): one calendar month from the day the
 * request is received, to the corresponding date of the next month, or that month's last day when it has no such
 * date; moved to the next working day when it falls on a weekend or a bank holiday.
 */
public final class ResponseDeadline {

    private ResponseDeadline() {
    }

    public static LocalDate dueDate(LocalDate receivedOn, BankHolidayCalendar calendar) {
        // plusMonths keeps the day of month, or clamps to the last day of a shorter month (31 Jan -> 28/29 Feb).
        return calendar.nextWorkingDayFrom(receivedOn.plusMonths(1));
    }
}
