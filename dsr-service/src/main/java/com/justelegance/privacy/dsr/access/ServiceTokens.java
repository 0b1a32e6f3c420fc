package com.justelegance.privacy.dsr.access;

import com.justelegance.privacy.dsr.config.DsrConfig;
import com.justelegance.privacy.kit.security.Roles;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * dsr-service's own bearer token for calling the other services and the storefront: an RS256 JWT with the role
 * {@code dsr-service}, signed with the private key at {@code smallrye.jwt.sign.key.location} (smallrye-jwt-build,
 * part of Quarkus' smallrye-jwt extension), from the issuer the services trust ({@code mp.jwt.verify.issuer}).
 *
 * <p>Why the service signs its own: the platform has no token endpoint for services yet, and {@code ./stack} signs
 * people's tokens with the same dev key; the key is configured like a secret ({@code PRIVACY_JWT_PRIVATE_KEY}).
 * The token lives {@code dsr.access.service-token-lifetime} (5 minutes; the services accept at most an hour for this
 * role, the kit's {@code TokenLifetimePolicy}) and is reused until a minute before it expires. It is dated by the real
 * clock, not the service's (tests move that one), because the receivers check it against theirs.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final String issuer;
    private final Duration lifetime;
    private final Clock realTime = Clock.systemUTC();
    private volatile Minted current;

    public ServiceTokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer, DsrConfig config) {
        this.issuer = issuer;
        this.lifetime = config.access().serviceTokenLifetime();
    }

    private record Minted(String token, Instant expiresAt) {
    }

    /** A token valid for at least another minute. */
    public String token() {
        Instant now = realTime.instant();
        Minted minted = current;
        if (minted == null || !now.isBefore(minted.expiresAt().minus(RENEW_BEFORE_EXPIRY))) {
            Instant expiresAt = now.plus(lifetime);
            minted = new Minted(Jwt.issuer(issuer)
                    .upn(Roles.DSR_SERVICE)
                    .subject(Roles.DSR_SERVICE)
                    .groups(Set.of(Roles.DSR_SERVICE))
                    .issuedAt(now)
                    .expiresAt(expiresAt)
                    .sign(), expiresAt);
            current = minted;
        }
        return minted.token();
    }
}
