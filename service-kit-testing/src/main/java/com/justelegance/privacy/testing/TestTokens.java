package com.justelegance.privacy.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

/**
 * Mints bearer tokens for tests, signed with the test-only key pair in {@code privacy-test-keys/}; service-kit's
 * {@code %test} profile verifies tokens with its public half. {@code ./stack up} generates its own key pair.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.justelegance.com";
    private static final String PRIVATE_KEY_LOCATION = "privacy-test-keys/privateKey.pem";

    private TestTokens() {
    }

    /** An {@code Authorization} header value for a user holding the given roles. */
    public static String bearer(String... roles) {
        return "Bearer " + token("test-" + String.join("+", roles), Duration.ofHours(1), roles);
    }

    /** A token that expired an hour ago. */
    public static String expiredBearer(String... roles) {
        return "Bearer " + token("test-expired", Duration.ofHours(-1), roles);
    }

    private static String token(String user, Duration validFor, String... roles) {
        try {
            PrivateKey key = KeyUtils.readPrivateKey(PRIVATE_KEY_LOCATION);
            long now = System.currentTimeMillis() / 1000;
            return Jwt.issuer(ISSUER)
                    .upn(user)
                    .groups(Set.of(roles))
                    .issuedAt(now - 60)
                    .expiresAt(now + validFor.toSeconds())
                    .sign(key);
        } catch (Exception e) {
            throw new IllegalStateException("Could not mint a test token", e);
        }
    }
}
