package com.justelegance.privacy.kit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The token cache in front of smallrye-jwt's verification (a stand-in verifier here, which says which tokens are
 * good and counts its calls): a good token is verified once until it expires, a bad one every time, and a token
 * that differs in any character is verified afresh.
 */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    /** Accepts tokens starting with "good", expiring at the epoch second after the colon; refuses the rest. */
    private static final class StandInVerifier extends JWTCallerPrincipalFactory {
        final List<String> verified = new ArrayList<>();

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
            verified.add(token);
            if (!token.startsWith("good")) {
                throw new ParseException("refused");
            }
            JwtClaims claims = new JwtClaims();
            claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(Long.parseLong(token.split(":")[1])));
            return new DefaultJWTCallerPrincipal(token, claims);
        }
    }

    private static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final StandInVerifier verifier = new StandInVerifier();
    private final MovableClock clock = new MovableClock();
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, clock);
    private final String good = "good:" + NOW.plusSeconds(300).getEpochSecond();

    @Test
    void aGoodTokenIsVerifiedOnceUntilItExpires() throws ParseException {
        JWTCallerPrincipal first = tokens.parse(good, null);
        assertSame(first, tokens.parse(good, null));
        assertEquals(1, verifier.verified.size());

        clock.now = NOW.plusSeconds(300);   // its exp: verified again, and the verifier decides
        tokens.parse(good, null);
        assertEquals(2, verifier.verified.size());
    }

    @Test
    void aBadTokenIsVerifiedEveryTimeAndNeverRemembered() {
        assertThrows(ParseException.class, () -> tokens.parse("bad:1", null));
        assertThrows(ParseException.class, () -> tokens.parse("bad:1", null));
        assertEquals(2, verifier.verified.size());
    }

    @Test
    void aTokenDifferingInOneCharacterIsVerifiedAfresh() throws ParseException {
        tokens.parse(good, null);
        String altered = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");
        tokens.parse(altered, null);
        assertEquals(List.of(good, altered), verifier.verified);
    }
}
