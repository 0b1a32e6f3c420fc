package com.justelegance.privacy.dsr.service;

import com.justelegance.privacy.dsr.config.DsrConfig;
import com.justelegance.privacy.dsr.domain.Nation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Every nation's calendar is loaded: the shipped list, or a newer one from the configured directory. */
class BankHolidayCalendarsTest {

    @Test
    void theShippedListsAreUsedWithoutADirectory() {
        BankHolidayCalendars calendars = new BankHolidayCalendars(config(Nation.ENGLAND_AND_WALES, null));
        assertThat(calendars.defaultNation(), equalTo(Nation.ENGLAND_AND_WALES));
        for (Nation nation : Nation.values()) {
            assertThat(calendars.of(nation).nation(), equalTo(nation));
            assertThat(calendars.of(nation).firstYear(), equalTo(2019));
        }
    }

    @Test
    void aFileInTheDirectoryReplacesThatNationsListOnly(@TempDir Path directory) throws IOException {
        Files.write(directory.resolve("scotland.txt"), List.of("# newer list", "2030-01-01", "", "2031-01-01"));
        BankHolidayCalendars calendars = new BankHolidayCalendars(config(Nation.SCOTLAND, directory.toString()));
        assertThat(calendars.defaultNation(), equalTo(Nation.SCOTLAND));
        assertThat(calendars.of(Nation.SCOTLAND).firstYear(), equalTo(2030));
        assertThat(calendars.of(Nation.SCOTLAND).lastPublishedYear(), equalTo(2031));
        assertThat(calendars.of(Nation.NORTHERN_IRELAND).firstYear(), equalTo(2019));
    }

    private static DsrConfig config(Nation nation, String directory) {
        DsrConfig.BankHolidays bankHolidays = new DsrConfig.BankHolidays() {
            @Override
            public Nation nation() {
                return nation;
            }

            @Override
            public Optional<String> directory() {
                return Optional.ofNullable(directory);
            }
        };
        return new DsrConfig() {
            @Override
            public BankHolidays bankHolidays() {
                return bankHolidays;
            }

            @Override
            public Mail mail() {
                throw new UnsupportedOperationException("not needed for calendars");
            }

            @Override
            public Mailbox mailbox() {
                throw new UnsupportedOperationException("not needed for calendars");
            }

            @Override
            public Access access() {
                throw new UnsupportedOperationException("not needed for calendars");
            }
        };
    }
}
