package com.justelegance.privacy.simulator.datasource;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.RsaKeyUtil;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.time.Duration;
import java.util.List;

/**
 * Checks the bearer token of a data-source call the way the services check theirs (service-kit's JWT settings and
 * {@code TokenLifetimePolicy}): an RS256 JWT from the issuer, verified with the issuer's public key, with an expiry
 * and an issued-at time at most a minute ahead, minted to live at most an hour (the limit of the service role; 12 hours for
 * people's roles, which are then refused as forbidden), and holding the role {@code dsr-service} in its {@code groups} claim. {@code ./stack token dsr-service} mints one.
 */
public final class BearerTokens {

    /** The only role that may call the data-source API: dsr-service, asking on a person's behalf. */
    public static final String REQUIRED_ROLE = "dsr-service";
    /** As the services: the longest a token holding a service role may be minted to live ... */
    static final Duration SERVICE_ROLE_MAX_LIFETIME = Duration.ofHours(1);
    /** ... and one holding only people's roles. */
    static final Duration MAX_LIFETIME = Duration.ofHours(12);
    private static final int CLOCK_SKEW_SECONDS = 60;

    /** What a request's {@code Authorization} header is worth. */
    public enum Verdict { ALLOWED, UNAUTHENTICATED, FORBIDDEN }

    private final JwtConsumer consumer;

    public BearerTokens(PublicKey issuerKey, String issuer) {
        this.consumer = new JwtConsumerBuilder()
                .setVerificationKey(issuerKey)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(issuer)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions(CLOCK_SKEW_SECONDS, Integer.MAX_VALUE)
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setSkipDefaultAudienceValidation()
                .build();
    }

    /** Reads the issuer's public key from a PEM file ({@code -----BEGIN PUBLIC KEY-----}). */
    public static PublicKey readPublicKey(Path pem) throws IOException {
        try {
            return new RsaKeyUtil().fromPemEncoded(Files.readString(pem, StandardCharsets.US_ASCII));
        } catch (JoseException | InvalidKeySpecException | IllegalArgumentException e) {
            throw new IOException("Not an RSA public key in PEM form: " + pem, e);
        }
    }

    /** @param authorization the request's {@code Authorization} header, or null */
    public Verdict check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Verdict.UNAUTHENTICATED;
        }
        try {
            JwtClaims claims = consumer.processToClaims(authorization.substring(7).trim());
            Duration lifetime = Duration.ofSeconds(
                    claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
            List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
            boolean serviceRole = groups.contains(REQUIRED_ROLE);
            if (lifetime.compareTo(serviceRole ? SERVICE_ROLE_MAX_LIFETIME : MAX_LIFETIME) > 0) {
                return Verdict.UNAUTHENTICATED;
            }
            return serviceRole ? Verdict.ALLOWED : Verdict.FORBIDDEN;
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Verdict.UNAUTHENTICATED;
        }
    }
}
