package com.justelegance.privacy.console.web;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How the pages show the services' codes and timestamps to people: {@code {value.when}} turns an ISO instant into
 * UK time ({@code 1 Dec 2026, 14:05}) and an ISO date into {@code 1 Dec 2026}; {@code {value.words}} turns a code
 * such as {@code PARTIALLY_COMPLETED} into {@code partially completed}. Anything else is shown as it is.
 */
@TemplateExtension
public class ConsoleFormats {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    static String when(Object value) {
        if (value == null) {
            return "–";
        }
        String text = String.valueOf(value);
        try {
            if (text.length() == 10) {
                return DAY.format(LocalDate.parse(text));
            }
            return MOMENT.format(Instant.parse(text).atZone(UK));
        } catch (DateTimeParseException notADate) {
            return text;
        }
    }

    static String words(Object value) {
        return value == null ? "–" : String.valueOf(value).replace('_', ' ').toLowerCase(Locale.UK);
    }

    /** The same, for values that may be missing: {@code {fmt:when(entry.get('releasedAt'))}} shows a dash for none. */
    @TemplateExtension(namespace = "fmt")
    static class Functions {

        static String when(Object value) {
            return ConsoleFormats.when(value);
        }

        static String words(Object value) {
            return ConsoleFormats.words(value);
        }
    }
}
