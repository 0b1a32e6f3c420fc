package com.justelegance.privacy.consent.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address or phone number in the one form the suppression list hashes, so that the same person matches
 * however the identifier was typed: e-mail trimmed and lower-cased, phone numbers in E.164 ({@code +447700900123}).
 * Only ever held in memory on the way to a keyed hash.
 */
public record ContactIdentifier(IdentifierType type, String normalised) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /**
     * @param defaultRegion ISO region for numbers written without a country code, e.g. {@code GB}
     * @throws IllegalArgumentException naming the type, never quoting the value
     */
    public static ContactIdentifier of(IdentifierType type, String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException(type + " identifier is empty");
        }
        return switch (type) {
            case EMAIL -> new ContactIdentifier(type, normaliseEmail(raw));
            case PHONE -> new ContactIdentifier(type, normalisePhone(raw, defaultRegion));
        };
    }

    private static String normaliseEmail(String raw) {
        String email = raw.strip().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("EMAIL identifier is not an e-mail address");
        }
        return email;
    }

    private static String normalisePhone(String raw, String defaultRegion) {
        // "+44 (0)121 ..." is how UK numbers are often written; the (0) is the trunk prefix, not part of E.164.
        String cleaned = raw.strip().replace("(0)", "");
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(cleaned, defaultRegion);
            if (!PHONES.isPossibleNumber(number)) {
                throw new IllegalArgumentException("PHONE identifier is not a possible phone number");
            }
            return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("PHONE identifier is not a phone number");
        }
    }

    /** What the keyed hash is computed over: the type keeps e-mail and phone hashes apart. */
    public String hashPurpose() {
        return "consent-suppression:" + type.name();
    }
}
