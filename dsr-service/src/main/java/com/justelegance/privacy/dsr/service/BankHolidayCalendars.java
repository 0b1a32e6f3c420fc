package com.justelegance.privacy.dsr.service;

import com.justelegance.privacy.dsr.config.DsrConfig;
import com.justelegance.privacy.dsr.domain.BankHolidayCalendar;
import com.justelegance.privacy.dsr.domain.Nation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bank holiday calendar of each UK nation, loaded once: the shipped list ({@code bank-holidays/<division>.txt}),
 * or a newer one from the configured directory.
 */
@ApplicationScoped
public class BankHolidayCalendars {

    private final Map<Nation, BankHolidayCalendar> calendars = new EnumMap<>(Nation.class);
    private final Nation defaultNation;

    @Inject
    public BankHolidayCalendars(DsrConfig config) {
        this(config.bankHolidays());
    }

    BankHolidayCalendars(DsrConfig.BankHolidays config) {
        this.defaultNation = config.nation();
        Optional<Path> directory = config.directory().map(Path::of);
        for (Nation nation : Nation.values()) {
            String fileName = nation.division() + ".txt";
            List<String> lines = directory.map(dir -> dir.resolve(fileName))
                    .filter(Files::isRegularFile)
                    .map(BankHolidayCalendars::readFile)
                    .orElseGet(() -> readShipped(fileName));
            calendars.put(nation, new BankHolidayCalendar(nation, parse(lines)));
        }
    }

    /** The nation's calendar. */
    public BankHolidayCalendar of(Nation nation) {
        return calendars.get(nation);
    }

    /** The nation whose bank holidays count when a request names none. */
    public Nation defaultNation() {
        return defaultNation;
    }

    /** One ISO date per line; blank lines and lines starting with # are left out. */
    public static Set<LocalDate> parse(List<String> lines) {
        return lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(LocalDate::parse)
                .collect(Collectors.toSet());
    }

    /** The list shipped with the service for the nation. */
    public static Set<LocalDate> shipped(Nation nation) {
        return parse(readShipped(nation.division() + ".txt"));
    }

    private static List<String> readFile(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bank holidays from " + file, e);
        }
    }

    private static List<String> readShipped(String fileName) {
        String resource = "bank-holidays/" + fileName;
        try (InputStream in = BankHolidayCalendars.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The shipped bank holidays " + resource + " are missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
