package com.justelegance.privacy.consent.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tokens read back as issued; anything altered, forged or not a token at all is refused. */
class UnsubscribeTokenTest {

    private static final UnaryOperator<String> OUR_KEY = hmac("our key");
    private static final Instant EXPIRY = Instant.parse("2027-11-24T10:00:00Z");

    @Test
    void aTokenReadsBackAsIssuedAndIsUrlSafe() {
        UnsubscribeToken token = new UnsubscribeToken(UUID.randomUUID(), "cust-42", "EMAIL_MARKETING", EXPIRY);
        String encoded = token.encode(OUR_KEY);
        assertThat(encoded, matchesPattern("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$"));
        assertThat(UnsubscribeToken.decode(encoded, OUR_KEY), equalTo(token));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsForged() {
        String forged = new UnsubscribeToken(UUID.randomUUID(), "cust-42", "EMAIL_MARKETING", EXPIRY)
                .encode(hmac("attacker key"));
        assertThat(defect(forged), equalTo(UnsubscribeToken.Defect.BAD_SIGNATURE));
    }

    @ParameterizedTest(name = "changing the {0} breaks the signature")
    @CsvSource({"subject, ~cust-42~, ~cust-43~", "purpose, ~EMAIL_MARKETING~, ~SMS_MARKETING~",
            "expiry, ~1827050400, ~4102444800"})
    void changingAnyFieldInsideTheTokenBreaksTheSignature(String field, String genuinePart, String alteredPart) {
        String genuine = new UnsubscribeToken(UUID.randomUUID(), "cust-42", "EMAIL_MARKETING", EXPIRY).encode(OUR_KEY);
        String payload = new String(Base64.getUrlDecoder().decode(genuine.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat("the " + field + " is in the payload", payload, containsString(genuinePart));
        String altered = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace(genuinePart, alteredPart).getBytes(StandardCharsets.UTF_8));

        assertThat(defect(altered + "." + genuine.split("\\.")[1]), equalTo(UnsubscribeToken.Defect.BAD_SIGNATURE));
    }

    @Test
    void garbageIsMalformed() {
        assertThat(defect("not-a-token"), equalTo(UnsubscribeToken.Defect.MALFORMED));
        assertThat(defect("a.b.c"), equalTo(UnsubscribeToken.Defect.MALFORMED));
        assertThat(defect("abc.$$$"), equalTo(UnsubscribeToken.Defect.MALFORMED));
    }

    @Test
    void theTokenCarriesNoAddress() {
        String encoded = new UnsubscribeToken(UUID.randomUUID(), "cust-42", "EMAIL_MARKETING", EXPIRY).encode(OUR_KEY);
        String payload = new String(Base64.getUrlDecoder().decode(encoded.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(payload, not(containsString("@")));
    }

    @Test
    void expiryIsInclusiveOfTheExpiryMoment() {
        UnsubscribeToken token = new UnsubscribeToken(UUID.randomUUID(), "cust-42", "EMAIL_MARKETING", EXPIRY);
        assertThat(token.expiredAt(EXPIRY.minusSeconds(1)), equalTo(false));
        assertThat(token.expiredAt(EXPIRY), equalTo(true));
    }

    private static UnsubscribeToken.Defect defect(String token) {
        return assertThrows(UnsubscribeToken.RejectedException.class, () -> UnsubscribeToken.decode(token, OUR_KEY))
                .defect();
    }

    private static UnaryOperator<String> hmac(String key) {
        return value -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
