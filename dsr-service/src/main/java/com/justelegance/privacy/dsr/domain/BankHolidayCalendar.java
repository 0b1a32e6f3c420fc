package com.justelegance.privacy.dsr.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bank holidays of one UK nation for the years the calendar covers. Asking about a year outside them is an
 * error, not a guess: a deadline computed without that year's holidays could fall on one.
 */
public final class BankHolidayCalendar {

    private final String nation;
    private final TreeSet<LocalDate> holidays;

    public BankHolidayCalendar(String nation, Set<LocalDate> holidays) {
        if (holidays.isEmpty()) {
            throw new IllegalArgumentException("A bank holiday calendar needs at least one date");
        }
        this.nation = nation;
        this.holidays = new TreeSet<>(holidays);
    }

    public String nation() {
        return nation;
    }

    public int firstYear() {
        return holidays.first().getYear();
    }

    public int lastYear() {
        return holidays.last().getYear();
    }

    public boolean covers(LocalDate date) {
        return date.getYear() >= firstYear() && date.getYear() <= lastYear();
    }

    /** Whether the date is a Saturday, a Sunday or a bank holiday. */
    public boolean isNonWorkingDay(LocalDate date) {
        if (!covers(date)) {
            throw new DateOutsideCalendarException(nation, date.getYear(), firstYear(), lastYear());
        }
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
                || holidays.contains(date);
    }

    /** The date itself if it is a working day, else the next working day. */
    public LocalDate nextWorkingDayFrom(LocalDate date) {
        LocalDate day = date;
        while (isNonWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** A deadline fell in a year the calendar has no bank holidays for. */
    public static class DateOutsideCalendarException extends RuntimeException {

        public DateOutsideCalendarException(String nation, int year, int firstYear, int lastYear) {
            super("The " + nation + " bank holiday calendar covers " + firstYear + " to " + lastYear
                    + ", not " + year);
        }
    }
}
