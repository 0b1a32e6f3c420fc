package com.justelegance.privacy.dsr.correspondence;

import com.justelegance.privacy.events.codes.SubjectRequestType;
import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How letters write request types, dates and times: plain English, UK style ({@code 7 April 2026},
 * {@code 7 April 2026 at 14:30 (UK time)}). Qute template extensions, so a template writes
 * {@code {facts.dueOn.ukDate}} and the build checks it.
 */
@TemplateExtension
public final class LetterFormats {

    /** Deadlines and expiry times are UK days and clock times; the services' clock is UTC. */
    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm '(UK time)'", Locale.UK);

    private LetterFormats() {
    }

    /** The request as a person would say it, to follow "your": "your request to erase your personal data". */
    public static String inWords(SubjectRequestType type) {
        return switch (type) {
            case ACCESS -> "request for a copy of your personal data (a subject access request)";
            case RECTIFICATION -> "request to correct your personal data";
            case ERASURE -> "request to erase your personal data";
            case RESTRICTION -> "request to restrict how we use your personal data";
            case OBJECTION -> "objection to how we use your personal data";
            case PORTABILITY -> "request for your personal data in a portable format (data portability)";
            case CONSENT_WITHDRAWAL -> "withdrawal of consent";
        };
    }

    /** {@code 7 April 2026}. */
    public static String ukDate(LocalDate date) {
        return DATE.format(date);
    }

    /** {@code 7 April 2026 at 14:30 (UK time)}. */
    public static String ukTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(UK));
    }
}
