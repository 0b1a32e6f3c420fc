package com.justelegance.privacy.dsr.domain;

import com.justelegance.privacy.dsr.service.BankHolidayCalendars;
import com.justelegance.privacy.kit.problem.DsrProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A calendar uses the published list for the years it covers, the statutory rules after it, and nothing before. */
class BankHolidayCalendarTest {

    private static final BankHolidayCalendar ENGLAND_AND_WALES =
            new BankHolidayCalendar(Nation.ENGLAND_AND_WALES, BankHolidayCalendars.shipped(Nation.ENGLAND_AND_WALES));
    private static final BankHolidayCalendar SCOTLAND =
            new BankHolidayCalendar(Nation.SCOTLAND, BankHolidayCalendars.shipped(Nation.SCOTLAND));

    @Test
    void theShippedListsRunFrom2019() {
        assertThat(ENGLAND_AND_WALES.firstYear(), equalTo(2019));
        // England and Wales keeps the 2028 dates it shipped before; the others end with the published 2027.
        assertThat(ENGLAND_AND_WALES.lastPublishedYear(), equalTo(2028));
        assertThat(SCOTLAND.lastPublishedYear(), equalTo(2027));
    }

    @Test
    void aPublishedYearIsTheListOneOffsIncluded() {
        assertThat(ENGLAND_AND_WALES.isPublished(LocalDate.of(2022, 1, 1)), is(true));
        assertThat(ENGLAND_AND_WALES.isNonWorkingDay(LocalDate.of(2022, 9, 19)), is(true));  // the State Funeral
        assertThat(ENGLAND_AND_WALES.isNonWorkingDay(LocalDate.of(2022, 5, 30)), is(false)); // spring moved to June
    }

    @Test
    void yearsPastTheListComeFromTheRules() {
        assertThat(SCOTLAND.isPublished(LocalDate.of(2028, 1, 1)), is(false));
        assertThat(SCOTLAND.holidaysIn(2028), equalTo(StatutoryBankHolidays.of(Nation.SCOTLAND, 2028)));
        assertThat(ENGLAND_AND_WALES.holidaysIn(2031), equalTo(StatutoryBankHolidays.of(Nation.ENGLAND_AND_WALES,
                2031)));
        // 1 and 2 January 2029 are bank holidays in Scotland, a Monday and a Tuesday.
        assertThat(SCOTLAND.nextWorkingDayFrom(LocalDate.of(2028, 12, 30)), equalTo(LocalDate.of(2029, 1, 3)));
    }

    @Test
    void aYearBeforeTheListIsRefusedNotGuessed() {
        BankHolidayCalendar.DateOutsideCalendarException refused = assertThrows(
                BankHolidayCalendar.DateOutsideCalendarException.class,
                () -> ENGLAND_AND_WALES.isNonWorkingDay(LocalDate.of(2018, 12, 25)));
        assertThat(refused.type(), equalTo(DsrProblem.BANK_HOLIDAYS_NOT_COVERED));
    }

    @Test
    void aListStartingLaterStartsCoverageLater() {
        BankHolidayCalendar calendar = new BankHolidayCalendar(Nation.ENGLAND_AND_WALES,
                Set.of(LocalDate.of(2026, 1, 1)));
        assertThrows(BankHolidayCalendar.DateOutsideCalendarException.class,
                () -> calendar.nextWorkingDayFrom(LocalDate.of(2025, 12, 31)));
        // Past its one listed year the rules take over: 2027 has its Easter and Christmas.
        assertThat(calendar.isNonWorkingDay(LocalDate.of(2027, 3, 29)), is(true));
    }
}
