package com.justelegance.privacy.dsr.domain;

import com.justelegance.privacy.dsr.service.BankHolidayCalendars;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The statutory rules against the published lists: they give every published year of every nation, the one-off
 * changes aside, which are listed here so the test proves the rules match everything else.
 */
class StatutoryBankHolidaysTest {

    /** Holidays proclaimed for one year only; all three nations had them. */
    private static final Set<LocalDate> ONE_OFF_HOLIDAYS = Set.of(
            LocalDate.of(2020, 5, 8),   // early May holiday moved to Friday 8 May for VE Day's 75th anniversary
            LocalDate.of(2022, 6, 2),   // spring holiday moved to Thursday 2 June for the Platinum Jubilee
            LocalDate.of(2022, 6, 3),   // Platinum Jubilee bank holiday
            LocalDate.of(2022, 9, 19),  // State Funeral of Queen Elizabeth II
            LocalDate.of(2023, 5, 8));  // Coronation of King Charles III
    /** The rules' dates those one-offs replaced. */
    private static final Set<LocalDate> ONE_OFF_REPLACED = Set.of(
            LocalDate.of(2020, 5, 4),   // first Monday of May 2020, moved to 8 May
            LocalDate.of(2022, 5, 30)); // last Monday of May 2022, moved to 2 June

    @ParameterizedTest
    @EnumSource(Nation.class)
    void theRulesGiveEveryPublishedYearApartFromTheOneOffs(Nation nation) {
        Map<Integer, Set<LocalDate>> published = byYear(BankHolidayCalendars.shipped(nation));
        assertThat(published.keySet().iterator().next(), equalTo(2019));
        for (Map.Entry<Integer, Set<LocalDate>> year : published.entrySet()) {
            Set<LocalDate> expected = new TreeSet<>(year.getValue());
            expected.removeAll(ONE_OFF_HOLIDAYS);
            Set<LocalDate> computed = new TreeSet<>(StatutoryBankHolidays.of(nation, year.getKey()));
            computed.removeAll(ONE_OFF_REPLACED);
            assertThat(nation + " " + year.getKey(), computed, equalTo(expected));
        }
    }

    /** The exceptions are real: each one-off is published and not a rule's date, each replaced date the reverse. */
    @ParameterizedTest
    @EnumSource(Nation.class)
    void theExceptionsAreOnlyTheOneOffs(Nation nation) {
        Set<LocalDate> published = BankHolidayCalendars.shipped(nation);
        for (LocalDate oneOff : ONE_OFF_HOLIDAYS) {
            assertThat(published, hasItem(oneOff));
            assertThat(StatutoryBankHolidays.of(nation, oneOff.getYear()), not(hasItem(oneOff)));
        }
        for (LocalDate replaced : ONE_OFF_REPLACED) {
            assertThat(published, not(hasItem(replaced)));
            assertThat(StatutoryBankHolidays.of(nation, replaced.getYear()), hasItem(replaced));
        }
    }

    @ParameterizedTest(name = "Easter {0}")
    @CsvSource({
            "2019, 2019-04-21",
            "2024, 2024-03-31",
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2029, 2029-04-01",
            "2038, 2038-04-25",  // the latest possible date
            "2285, 2285-03-22",  // the earliest possible date
            "2000, 2000-04-23",  // a century year that is a leap year
            "2100, 2100-03-28"   // one that is not
    })
    void easterSundayFollowsTheGregorianComputus(int year, LocalDate expected) {
        assertThat(StatutoryBankHolidays.easterSunday(year), equalTo(expected));
    }

    @Test
    void englandAndWalesIn2029() {
        assertThat(StatutoryBankHolidays.of(Nation.ENGLAND_AND_WALES, 2029), equalTo(dates(
                "2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27",
                "2029-12-25", "2029-12-26")));
    }

    @Test
    void scotlandIn2028HasSecondJanuaryAndStAndrewsDayButNoEasterMonday() {
        // 1 and 2 January are a Saturday and a Sunday: Monday 3 and Tuesday 4. St Andrew's Day is a Thursday.
        assertThat(StatutoryBankHolidays.of(Nation.SCOTLAND, 2028), equalTo(dates(
                "2028-01-03", "2028-01-04", "2028-04-14", "2028-05-01", "2028-05-29", "2028-08-07",
                "2028-11-30", "2028-12-25", "2028-12-26")));
    }

    @Test
    void northernIrelandIn2028HasStPatricksDayAndTheTwelfth() {
        // 17 March is a Friday; 12 July a Wednesday.
        assertThat(StatutoryBankHolidays.of(Nation.NORTHERN_IRELAND, 2028), equalTo(dates(
                "2028-01-03", "2028-03-17", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29",
                "2028-07-12", "2028-08-28", "2028-12-25", "2028-12-26")));
    }

    @Test
    void substituteDaysSkipWeekendsAndOtherHolidays() {
        // 2032: Christmas on a Saturday, Boxing Day on a Sunday -> Monday 27 and Tuesday 28.
        assertThat(StatutoryBankHolidays.of(Nation.ENGLAND_AND_WALES, 2032),
                hasItems("2032-12-27", "2032-12-28"));
        // 2033: Christmas on a Sunday, Boxing Day on Monday 26 -> Christmas moves past it to Tuesday 27.
        assertThat(StatutoryBankHolidays.of(Nation.ENGLAND_AND_WALES, 2033),
                hasItems("2033-12-26", "2033-12-27"));
        // 2030: St Andrew's Day on a Saturday -> Monday 2 December.
        assertThat(StatutoryBankHolidays.of(Nation.SCOTLAND, 2030), hasItems("2030-12-02"));
        // 2029: St Patrick's Day on a Saturday -> Monday 19 March; 2029: the Twelfth is a Thursday.
        assertThat(StatutoryBankHolidays.of(Nation.NORTHERN_IRELAND, 2029), hasItems("2029-03-19", "2029-07-12"));
        // 2031: the Twelfth on a Saturday -> Monday 14 July.
        assertThat(StatutoryBankHolidays.of(Nation.NORTHERN_IRELAND, 2031), hasItems("2031-07-14"));
    }

    private static Matcher<Iterable<LocalDate>> hasItems(String... isoDates) {
        return Matchers.hasItems(dates(isoDates).toArray(LocalDate[]::new));
    }

    private static Set<LocalDate> dates(String... isoDates) {
        return Arrays.stream(isoDates).map(LocalDate::parse).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<Integer, Set<LocalDate>> byYear(Set<LocalDate> dates) {
        return dates.stream().collect(Collectors.groupingBy(LocalDate::getYear, TreeMap::new,
                Collectors.toCollection(TreeSet::new)));
    }
}
