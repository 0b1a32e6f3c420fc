package com.justelegance.privacy.dsr.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one-month deadline, checked against the ICO's worked examples and the edges of the rule. */
class ResponseDeadlineTest {

    private static final BankHolidayCalendar ENGLAND_AND_WALES = new BankHolidayCalendar("ENGLAND_AND_WALES", Set.of(
            LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06"),
            LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-25"), LocalDate.parse("2026-08-31"),
            LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-01")));

    @ParameterizedTest(name = "received {0} -> due {1}")
    @CsvSource({
            // The examples in REGULATORY.md
            "2026-03-30, 2026-04-30",  // Monday -> Thursday, same date next month
            "2026-09-03, 2026-10-05",  // 3 October is a Saturday -> Monday
            "2026-01-31, 2026-03-02",  // no 31 February; 28 February is a Saturday -> Monday 2 March
            // Edges
            "2026-03-31, 2026-04-30",  // no 31 April -> last day of April, a Thursday
            "2026-03-06, 2026-04-07",  // 6 April is Easter Monday -> Tuesday
            "2026-11-25, 2026-12-29",  // 25 Dec Friday, 26-27 weekend, 28 substitute Boxing Day -> 29
            "2026-12-01, 2027-01-04",  // 1 January 2027 is a Friday bank holiday -> Monday 4th
            "2026-05-30, 2026-06-30"   // received on a Saturday: the clock still starts that day
    })
    void dueDateFollowsTheIcoRule(LocalDate receivedOn, LocalDate expectedDue) {
        assertThat(ResponseDeadline.dueDate(receivedOn, ENGLAND_AND_WALES), equalTo(expectedDue));
    }

    @Test
    void aDeadlineInAYearTheCalendarDoesNotCoverIsRefused() {
        assertThrows(BankHolidayCalendar.DateOutsideCalendarException.class,
                () -> ResponseDeadline.dueDate(LocalDate.parse("2027-12-15"), ENGLAND_AND_WALES));
    }
}
