package com.justelegance.privacy.dsr.domain;

import com.justelegance.privacy.dsr.service.BankHolidayCalendars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one-month deadline, checked against the ICO's worked examples and each nation's holidays, with the shipped lists. */
class ResponseDeadlineTest {

    private static final Map<Nation, BankHolidayCalendar> CALENDARS = new EnumMap<>(Nation.class);

    static {
        for (Nation nation : Nation.values()) {
            CALENDARS.put(nation, new BankHolidayCalendar(nation, BankHolidayCalendars.shipped(nation)));
        }
    }

    @ParameterizedTest(name = "{0}: received {1} -> due {2}")
    @CsvSource({
            // The ICO's examples (docs/uk-rules.md)
            "ENGLAND_AND_WALES, 2026-03-30, 2026-04-30",  // Monday -> Thursday, the same date next month
            "ENGLAND_AND_WALES, 2026-09-03, 2026-10-05",  // 3 October is a Saturday -> Monday
            "ENGLAND_AND_WALES, 2026-01-31, 2026-03-02",  // no 31 February; 28 February is a Saturday -> Monday
            // Month ends and leap years
            "ENGLAND_AND_WALES, 2026-03-31, 2026-04-30",  // no 31 April -> the last day of April, a Thursday
            "ENGLAND_AND_WALES, 2028-01-31, 2028-02-29",  // a leap year: 29 February, a Tuesday
            "ENGLAND_AND_WALES, 2027-01-31, 2027-03-01",  // not one: 28 February 2027 is a Sunday -> Monday
            "ENGLAND_AND_WALES, 2026-05-30, 2026-06-30",  // received on a Saturday: the clock still starts that day
            // Christmas, Boxing Day and their substitutes
            "ENGLAND_AND_WALES, 2026-11-25, 2026-12-29",  // Fri 25 Dec, weekend, Mon 28 Boxing Day substitute
            "ENGLAND_AND_WALES, 2026-11-28, 2026-12-29",  // lands on the substitute day itself
            "ENGLAND_AND_WALES, 2025-11-26, 2025-12-29",  // Boxing Day on a Friday, then the weekend
            "ENGLAND_AND_WALES, 2027-11-25, 2027-12-29",  // Sat 25 and Sun 26: substitutes Mon 27 and Tue 28
            "SCOTLAND,          2027-11-25, 2027-12-29",
            "NORTHERN_IRELAND,  2027-11-25, 2027-12-29",
            // New Year, and 2 January in Scotland
            "ENGLAND_AND_WALES, 2026-12-01, 2027-01-04",  // Fri 1 Jan 2027 -> Monday 4th
            "SCOTLAND,          2026-12-01, 2027-01-05",  // ... and Sat 2 Jan's substitute is Monday 4th -> Tuesday
            "ENGLAND_AND_WALES, 2025-12-02, 2026-01-02",  // Fri 2 Jan 2026 is a working day in England and Wales
            "SCOTLAND,          2025-12-02, 2026-01-05",  // ... and a bank holiday in Scotland
            // Easter Monday: England and Wales and Northern Ireland, not Scotland
            "ENGLAND_AND_WALES, 2026-03-06, 2026-04-07",
            "NORTHERN_IRELAND,  2026-03-06, 2026-04-07",
            "SCOTLAND,          2026-03-06, 2026-04-06",
            // Good Friday everywhere
            "SCOTLAND,          2026-03-03, 2026-04-06",  // Fri 3 Apr 2026, then the weekend
            // Summer: first Monday of August in Scotland, the last elsewhere
            "SCOTLAND,          2026-07-03, 2026-08-04",
            "ENGLAND_AND_WALES, 2026-07-03, 2026-08-03",
            "ENGLAND_AND_WALES, 2026-07-31, 2026-09-01",
            // St Andrew's Day (Scotland), and its substitute when it falls on a Sunday
            "SCOTLAND,          2026-10-30, 2026-12-01",
            "ENGLAND_AND_WALES, 2026-10-30, 2026-11-30",
            "SCOTLAND,          2025-10-30, 2025-12-02",  // Sun 30 Nov 2025 -> substitute Mon 1 Dec -> Tuesday
            "ENGLAND_AND_WALES, 2025-10-30, 2025-12-01",
            // St Patrick's Day (Northern Ireland), and its substitute
            "NORTHERN_IRELAND,  2026-02-17, 2026-03-18",
            "ENGLAND_AND_WALES, 2026-02-17, 2026-03-17",
            "NORTHERN_IRELAND,  2024-02-17, 2024-03-19",  // Sun 17 Mar 2024 -> substitute Mon 18 -> Tuesday
            "ENGLAND_AND_WALES, 2024-02-17, 2024-03-18",
            // The Battle of the Boyne, 12 July (Northern Ireland), and its substitutes
            "NORTHERN_IRELAND,  2026-06-12, 2026-07-14",  // Sun 12 Jul 2026 -> substitute Mon 13 -> Tuesday
            "ENGLAND_AND_WALES, 2026-06-12, 2026-07-13",
            "NORTHERN_IRELAND,  2025-06-12, 2025-07-15",  // Sat 12 Jul 2025 -> substitute Mon 14 -> Tuesday
            "NORTHERN_IRELAND,  2024-06-12, 2024-07-15",  // Fri 12 Jul 2024, then the weekend
            // Past the published lists, from the statutory rules
            "SCOTLAND,          2027-12-02, 2028-01-05",  // Sat 1 and Sun 2 Jan 2028 -> Mon 3 and Tue 4
            "ENGLAND_AND_WALES, 2027-12-02, 2028-01-04",  // Sun 2 Jan; Mon 3 is New Year's substitute
            "ENGLAND_AND_WALES, 2028-12-01, 2029-01-02",  // Mon 1 Jan 2029 -> Tuesday
            "SCOTLAND,          2028-12-01, 2029-01-03",  // Mon 1 and Tue 2 Jan 2029 -> Wednesday
            "NORTHERN_IRELAND,  2029-02-17, 2029-03-20"   // Sat 17 Mar 2029 -> substitute Mon 19 -> Tuesday
    })
    void dueDateFollowsTheIcoRule(Nation nation, LocalDate receivedOn, LocalDate expectedDue) {
        assertThat(ResponseDeadline.dueDate(receivedOn, CALENDARS.get(nation)), equalTo(expectedDue));
    }

    @Test
    void threeMonthsAreCountedFromTheStartNotFromTheOneMonthDate() {
        assertThat(ResponseDeadline.threeMonthsFrom(LocalDate.of(2026, 1, 31)), equalTo(LocalDate.of(2026, 4, 30)));
        assertThat(ResponseDeadline.threeMonthsFrom(LocalDate.of(2027, 11, 30)), equalTo(LocalDate.of(2028, 2, 29)));
    }

    @Test
    void aDeadlineBeforeThePublishedListIsRefused() {
        assertThrows(BankHolidayCalendar.DateOutsideCalendarException.class,
                () -> ResponseDeadline.dueDate(LocalDate.parse("2018-11-15"), CALENDARS.get(Nation.SCOTLAND)));
    }
}
