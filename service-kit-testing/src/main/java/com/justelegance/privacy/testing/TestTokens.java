package com.justelegance.privacy.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Mints bearer tokens for tests, signed with the test-only key pair in {@code privacy-test-keys/}; service-kit's
 * {@code %test} profile verifies tokens with its public half. {@code ./stack up} generates its own key pair.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.justelegance.com";
    /** The audience the services check ({@code mp.jwt.verify.audiences}'s default). */
    public static final String AUDIENCE = "privacy-back-office";
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

    /** A token that is valid in every way but its issuer, which is not the platform's. */
    public static String wrongIssuerBearer(String... roles) {
        Instant now = Instant.now();
        return "Bearer " + claims("test-wrong-issuer", now.minusSeconds(60), now.plus(Duration.ofMinutes(50)), roles)
                .issuer("https://auth.example.com").sign(privateKey());
    }

    /** A token for an audience that is not the platform's (services that check {@code aud} refuse it). */
    public static String wrongAudienceBearer(String... roles) {
        Instant now = Instant.now();
        return "Bearer " + claims("test-wrong-audience", now.minusSeconds(60), now.plus(Duration.ofMinutes(50)),
                roles).audience("https://elsewhere.example.com").sign(privateKey());
    }

    /** A token valid in every way but its signature, made with an RSA key the platform never issued. */
    public static String foreignKeyBearer(String... roles) {
        Instant now = Instant.now();
        return "Bearer " + claims("test-foreign-key", now.minusSeconds(60), now.plus(Duration.ofMinutes(50)), roles)
                .sign(ForeignKey.PAIR.getPrivate());
    }

    /**
     * A token with the platform's claims and {@code "alg": "none"}: no signature at all (RFC 7519's unsecured JWT),
     * which a verifier must never take for a signed one.
     */
    public static String unsignedBearer(String... roles) {
        Instant now = Instant.now();
        String signed = claims("test-unsigned", now.minusSeconds(60), now.plus(Duration.ofMinutes(50)), roles)
                .sign(privateKey());
        String claims = signed.split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return "Bearer " + header + "." + claims + ".";
    }

    /** Not a JWT at all. */
    public static String garbageBearer() {
        return "Bearer this-is-not-a-token";
    }

    private static String token(String user, Instant issuedAt, Instant expiresAt, String... roles) {
        return claims(user, issuedAt, expiresAt, roles).sign(privateKey());
    }

    private static JwtClaimsBuilder claims(String user, Instant issuedAt, Instant expiresAt, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .upn(user)
                .groups(Set.of(roles))
                .issuedAt(issuedAt)
                .expiresAt(expiresAt);
    }

    private static PrivateKey privateKey() {
        try {
            return KeyUtils.readPrivateKey(PRIVATE_KEY_LOCATION);
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the test signing key", e);
        }
    }

    /** An RSA key pair made for this test run only, so nothing the services trust can verify its signatures. */
    private static final class ForeignKey {
        static final KeyPair PAIR = generate();

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("No RSA key pair generator", e);
            }
        }
    }
}
