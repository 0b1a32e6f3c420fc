package com.justelegance.privacy.consent.domain;

import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.Purpose;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A one-click unsubscribe token (RFC 8058): which subject leaves which marketing purpose, a random id that makes
 * it single-use, and an expiry, signed with a keyed MAC. It carries only opaque ids, never an address.
 *
 * <p>Wire form: {@code base64url(payload) "." base64url(mac)} where the payload is
 * {@code 1~tokenId~subjectId~purpose~expiresEpochSecond}; the MAC covers the encoded payload.
 */
public record UnsubscribeToken(UUID tokenId, String subjectId, String purpose, Instant expiresAt) {

    private static final String FORMAT_VERSION = "1";
    private static final String SEPARATOR = "~";
    private static final Pattern BASE64URL = Pattern.compile("^[A-Za-z0-9_-]+$");
    private static final Pattern OPAQUE_ID = Pattern.compile(EventFieldRules.OPAQUE_ID_PATTERN);
    private static final Pattern PURPOSE_CODE = Pattern.compile(Purpose.CODE_PATTERN);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** Why a presented token is refused. */
    public enum Defect {
        /** Not a token of this shape at all. */
        MALFORMED,
        /** Shaped like a token, but the signature does not match: forged or altered. */
        BAD_SIGNATURE
    }

    /** A presented token that cannot be used. */
    public static final class RejectedException extends RuntimeException {

        private final Defect defect;

        RejectedException(Defect defect) {
            super(defect.name());
            this.defect = defect;
        }

        public Defect defect() {
            return defect;
        }
    }

    /** @param mac hex HMAC of a string under the service's key */
    public String encode(UnaryOperator<String> mac) {
        String payload = String.join(SEPARATOR, FORMAT_VERSION, tokenId.toString(), subjectId, purpose,
                Long.toString(expiresAt.getEpochSecond()));
        String encodedPayload = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encodedPayload + "." + ENCODER.encodeToString(HexFormat.of().parseHex(mac.apply(encodedPayload)));
    }

    /**
     * Checks the signature first, then reads the fields; says nothing about expiry or use (the caller decides).
     *
     * @throws RejectedException when the token is malformed, forged or altered
     */
    public static UnsubscribeToken decode(String token, UnaryOperator<String> mac) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 2 || !BASE64URL.matcher(parts[0]).matches() || !BASE64URL.matcher(parts[1]).matches()) {
            throw new RejectedException(Defect.MALFORMED);
        }
        byte[] presented;
        try {
            presented = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new RejectedException(Defect.MALFORMED);
        }
        byte[] expected = HexFormat.of().parseHex(mac.apply(parts[0]));
        if (!MessageDigest.isEqual(expected, presented)) {
            throw new RejectedException(Defect.BAD_SIGNATURE);
        }
        try {
            String[] fields = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (fields.length != 5 || !FORMAT_VERSION.equals(fields[0]) || !OPAQUE_ID.matcher(fields[2]).matches()
                    || !PURPOSE_CODE.matcher(fields[3]).matches()) {
                throw new RejectedException(Defect.MALFORMED);
            }
            return new UnsubscribeToken(UUID.fromString(fields[1]), fields[2], fields[3],
                    Instant.ofEpochSecond(Long.parseLong(fields[4])));
        } catch (IllegalArgumentException e) {
            throw new RejectedException(Defect.MALFORMED);
        }
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
