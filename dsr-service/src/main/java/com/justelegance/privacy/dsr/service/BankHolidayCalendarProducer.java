package com.justelegance.privacy.dsr.service;

import com.justelegance.privacy.dsr.config.DsrConfig;
import com.justelegance.privacy.dsr.domain.BankHolidayCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Loads the configured nation's bank holidays once: the shipped data file, or the one configured instead. */
@ApplicationScoped
public class BankHolidayCalendarProducer {

    @Produces
    @ApplicationScoped
    BankHolidayCalendar calendar(DsrConfig config) {
        String nation = config.bankHolidays().nation();
        List<String> lines = config.bankHolidays().location()
                .map(BankHolidayCalendarProducer::readFile)
                .orElseGet(() -> readShipped(nation));
        Set<LocalDate> dates = lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(LocalDate::parse)
                .collect(Collectors.toSet());
        return new BankHolidayCalendar(nation, dates);
    }

    private static List<String> readFile(String location) {
        try {
            return Files.readAllLines(Path.of(location));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bank holidays from " + location, e);
        }
    }

    private static List<String> readShipped(String nation) {
        String resource = "bank-holidays/" + nation.toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No bank holiday calendar is shipped for " + nation
                        + "; set dsr.bank-holidays.location to a file of ISO dates");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
