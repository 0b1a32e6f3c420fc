package com.justelegance.privacy.dsr.domain;

import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bank holidays of one UK nation: the published list for the years it covers, and the statutory rules
 * ({@link StatutoryBankHolidays}) for the years after it, so a deadline never waits for next year's list. Years
 * before the list are not covered: past one-off holidays (a royal wedding, a jubilee) are a matter of record the
 * rules would miss, so a date there is refused rather than guessed.
 */
public final class BankHolidayCalendar {

    private final Nation nation;
    private final TreeSet<LocalDate> published;
    /** The rules' holidays per year past the list, computed once each (the calendar is shared and read in parallel). */
    private final Map<Integer, Set<LocalDate>> computed = new ConcurrentHashMap<>();

    public BankHolidayCalendar(Nation nation, Set<LocalDate> published) {
        if (published.isEmpty()) {
            throw new IllegalArgumentException("A bank holiday calendar needs at least one published date");
        }
        this.nation = nation;
        this.published = new TreeSet<>(published);
    }

    public Nation nation() {
        return nation;
    }

    /** The first year of the published list; earlier years are not covered. */
    public int firstYear() {
        return published.first().getYear();
    }

    /** The last year of the published list; later years come from the statutory rules. */
    public int lastPublishedYear() {
        return published.last().getYear();
    }

    /** Whether the date's year is on the published list, rather than computed from the rules. */
    public boolean isPublished(LocalDate date) {
        return date.getYear() >= firstYear() && date.getYear() <= lastPublishedYear();
    }

    /** The year's bank holidays: published, or computed from the rules past the list. */
    public Set<LocalDate> holidaysIn(int year) {
        if (year < firstYear()) {
            throw new DateOutsideCalendarException(nation, year, firstYear());
        }
        if (year <= lastPublishedYear()) {
            return published.subSet(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true);
        }
        return computed.computeIfAbsent(year, y -> StatutoryBankHolidays.of(nation, y));
    }

    /** Whether the date is a Saturday, a Sunday or a bank holiday. */
    public boolean isNonWorkingDay(LocalDate date) {
        return StatutoryBankHolidays.isWeekend(date) || holidaysIn(date.getYear()).contains(date);
    }

    /** The date itself if it is a working day, else the next working day. */
    public LocalDate nextWorkingDayFrom(LocalDate date) {
        LocalDate day = date;
        while (isNonWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** A deadline fell in a year before the published list, which the service does not guess. */
    public static class DateOutsideCalendarException extends ProblemException {

        public DateOutsideCalendarException(Nation nation, int year, int firstYear) {
            super(DsrProblem.BANK_HOLIDAYS_NOT_COVERED, "The " + nation + " bank holidays start in " + firstYear
                    + "; a deadline in " + year + " cannot be computed");
        }
    }
}
