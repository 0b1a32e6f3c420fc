package com.justelegance.privacy.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
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

    /** An {@code Authorization} header value for a user holding the given roles, valid for the next 50 minutes. */
    public static String bearer(String... roles) {
        Instant now = Instant.now();
        return issuedBearer(now.minusSeconds(60), now.plus(Duration.ofMinutes(50)), roles);
    }

    /** A token that expired an hour ago. */
    public static String expiredBearer(String... roles) {
        Instant now = Instant.now();
        return "Bearer " + token("test-expired", now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)),
                roles);
    }

    /** A token issued ({@code iat}) and expiring ({@code exp}) when the test says, to try lifetime limits. */
    public static String issuedBearer(Instant issuedAt, Instant expiresAt, String... roles) {
        return "Bearer " + token("test-" + String.join("+", roles), issuedAt, expiresAt, roles);
    }

    private static String token(String user, Instant issuedAt, Instant expiresAt, String... roles) {
        try {
            PrivateKey key = KeyUtils.readPrivateKey(PRIVATE_KEY_LOCATION);
            return Jwt.issuer(ISSUER)
                    .upn(user)
                    .groups(Set.of(roles))
                    .issuedAt(issuedAt)
                    .expiresAt(expiresAt)
                    .sign(key);
        } catch (Exception e) {
            throw new IllegalStateException("Could not mint a test token", e);
        }
    }
}
