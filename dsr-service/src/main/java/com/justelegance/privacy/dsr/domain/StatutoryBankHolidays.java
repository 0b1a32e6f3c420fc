package com.justelegance.privacy.dsr.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bank holidays of a year as the standing rules give them (Banking and Financial Dealings Act 1971, St Andrew's
 * Day Bank Holiday (Scotland) Act 2007, and the dates fixed by royal proclamation every year), for the years past the
 * published list. One-off holidays proclaimed for a single year (a jubilee, a coronation, a moved early May holiday)
 * cannot be foreseen: once announced they come with the published list.
 */
public final class StatutoryBankHolidays {

    private StatutoryBankHolidays() {
    }

    /** The nation's bank holidays in the year, substitute days included. */
    public static Set<LocalDate> of(Nation nation, int year) {
        LocalDate easter = easterSunday(year);
        // Holidays defined as a weekday (Good Friday, Mondays) never fall on a weekend.
        Set<LocalDate> holidays = new TreeSet<>();
        holidays.add(easter.minusDays(2));
        if (nation != Nation.SCOTLAND) {
            holidays.add(easter.plusDays(1));
        }
        holidays.add(firstMonday(year, Month.MAY));
        holidays.add(lastMonday(year, Month.MAY));
        holidays.add(nation == Nation.SCOTLAND ? firstMonday(year, Month.AUGUST) : lastMonday(year, Month.AUGUST));

        // Holidays on a fixed date, in date order: one on a weekend moves to the next weekday that is not already
        // a holiday, so Christmas on a Sunday gives Tuesday 27th when Boxing Day takes Monday 26th.
        List<LocalDate> fixed = new ArrayList<>();
        fixed.add(LocalDate.of(year, 1, 1));
        if (nation == Nation.SCOTLAND) {
            fixed.add(LocalDate.of(year, 1, 2));
        }
        if (nation == Nation.NORTHERN_IRELAND) {
            fixed.add(LocalDate.of(year, 3, 17));  // St Patrick's Day
            fixed.add(LocalDate.of(year, 7, 12));  // Battle of the Boyne
        }
        if (nation == Nation.SCOTLAND) {
            fixed.add(LocalDate.of(year, 11, 30));  // St Andrew's Day
        }
        fixed.add(LocalDate.of(year, 12, 25));
        fixed.add(LocalDate.of(year, 12, 26));
        // Those on a weekday first, so a substitute never lands on a day that is a holiday in its own right.
        fixed.stream().filter(day -> !isWeekend(day)).forEach(holidays::add);
        for (LocalDate day : fixed) {
            if (isWeekend(day)) {
                LocalDate substitute = day.plusDays(1);
                while (isWeekend(substitute) || holidays.contains(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                holidays.add(substitute);
            }
        }
        return holidays;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm, as given by Meeus). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static LocalDate firstMonday(int year, Month month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    }

    private static LocalDate lastMonday(int year, Month month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
