package com.justelegance.privacy.dsr.service;

import com.justelegance.privacy.dsr.domain.Requester;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keyed hashes of the identifiers a requester gives, normalised first so that {@code Ann@Example.com } and
 * {@code ann@example.com} (or {@code +44 7700 900123} and {@code 07700900123}) match. Cases keep only these hashes
 * in the clear, to find likely duplicates without decrypting anything.
 */
@ApplicationScoped
public class RequesterIdentifiers {

    private static final String PURPOSE = "requester-identifier";

    private final KeyedHash keyedHash;

    public RequesterIdentifiers(KeyedHash keyedHash) {
        this.keyedHash = keyedHash;
    }

    /** Hash per kind ({@code EMAIL}, {@code PHONE}, {@code CUSTOMER_NUMBER}) of the identifiers given. */
    public Map<String, String> hashes(Requester requester) {
        Map<String, String> hashes = new LinkedHashMap<>();
        put(hashes, "EMAIL", email(requester.email()));
        put(hashes, "PHONE", phone(requester.phone()));
        put(hashes, "CUSTOMER_NUMBER", customerNumber(requester.customerNumber()));
        return hashes;
    }

    /** The keyed hash of an e-mail address, as {@link #hashes} gives it; null for a blank one. */
    public String emailHash(String email) {
        String normalised = email(email);
        return normalised == null ? null : keyedHash.of(PURPOSE, "EMAIL:" + normalised);
    }

    static String email(String email) {
        return blank(email) ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Digits only, a UK international prefix written as the national 0. */
    static String phone(String phone) {
        if (blank(phone)) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.startsWith("44")) {
            digits = "0" + digits.substring(2);
        }
        return digits.isEmpty() ? null : digits;
    }

    static String customerNumber(String number) {
        return blank(number) ? null : number.strip().toUpperCase(Locale.ROOT);
    }

    private void put(Map<String, String> hashes, String kind, String normalised) {
        // The same form as emailHash: a reply's sender is compared with what was stored.
        if (normalised != null) {
            hashes.put(kind, keyedHash.of(PURPOSE, kind + ':' + normalised));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
