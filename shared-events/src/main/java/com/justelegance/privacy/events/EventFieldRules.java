package com.justelegance.privacy.events;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks the event records apply when they are built, whether by a producer or by decoding a Kafka record.
 *
 * <p>Identifiers must be opaque tokens: the pattern rejects e-mail addresses, spaces and free text, so a
 * producer cannot put personal data in an id field by mistake. Messages name the field, never the value.
 */
public final class EventFieldRules {

    /** Codes the privacy officer may add (purposes, recipients, record categories): upper-case letters, digits, '_'. */
    public static final String CODE_PATTERN = "^[A-Z][A-Z0-9_]{1,63}$";
    /** Opaque identifiers: subject ids, order ids, contact ids. No '@', '.', spaces or free text. */
    public static final String OPAQUE_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_:-]{0,63}$";
    /** Version labels of policies and notices, e.g. {@code 2026-11} or {@code v3.1}. */
    public static final String VERSION_LABEL_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$";
    /** Producer and service names, e.g. {@code consent-service}. */
    public static final String SERVICE_NAME_PATTERN = "^[a-z][a-z0-9-]{1,39}$";

    private static final Pattern OPAQUE_ID = Pattern.compile(OPAQUE_ID_PATTERN);
    private static final Pattern VERSION_LABEL = Pattern.compile(VERSION_LABEL_PATTERN);
    private static final Pattern SERVICE_NAME = Pattern.compile(SERVICE_NAME_PATTERN);
    private static final Pattern PURPOSE_CODE = Pattern.compile(CODE_PATTERN);

    private EventFieldRules() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static String opaqueId(String value, String field) {
        return matching(value, field, OPAQUE_ID, "an opaque id (letters, digits, '_', ':' or '-', at most 64)");
    }

    public static String optionalOpaqueId(String value, String field) {
        return value == null ? null : opaqueId(value, field);
    }

    public static String versionLabel(String value, String field) {
        return matching(value, field, VERSION_LABEL, "a version label (letters, digits, '.', '_' or '-')");
    }

    public static String serviceName(String value, String field) {
        return matching(value, field, SERVICE_NAME, "a lower-case service name");
    }

    public static String purposeCode(String value, String field) {
        return matching(value, field, PURPOSE_CODE, "an upper-case purpose code");
    }

    private static String matching(String value, String field, Pattern pattern, String expected) {
        required(value, field);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be " + expected);
        }
        return value;
    }

    /** An immutable copy of a list field; a missing list reads as empty, a null element is refused. */
    public static <T> List<T> listOf(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        // Not values.contains(null): immutable lists (List.of) refuse to be asked about null.
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(field + " must not contain null");
        }
        return List.copyOf(values);
    }
}
