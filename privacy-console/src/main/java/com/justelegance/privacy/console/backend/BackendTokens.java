package com.justelegance.privacy.console.backend;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Bearer tokens for calling the services: an RS256 JWT naming the person signed in (or the privacy centre, for a
 * shopper) and their role, signed with the platform's key (smallrye-jwt-build) as the issuer the services trust.
 *
 * <p>Why the console mints tokens instead of holding one service token: the services decide what each role may do
 * and write who did it in their audit logs, so every call must carry the person's own name and role. The console
 * does not widen anything: a customer-service agent's page calls the services as {@code customer-service}. With an
 * identity provider in production this is where the provider's access token would be exchanged. Tokens live
 * {@code console.backend.token-lifetime} (5 minutes), dated by the real clock.
 */
@ApplicationScoped
public class BackendTokens {

    /** The role the privacy centre's calls carry: only what a shopper's self-service needs. */
    public static final String PRIVACY_CENTRE = "privacy-centre";

    private final Duration lifetime;
    private final Clock clock = Clock.systemUTC();

    public BackendTokens(@ConfigProperty(name = "console.backend.token-lifetime") Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** A token for a staff member with these roles. */
    public String forStaff(String name, Set<String> roles) {
        return mint(name, roles);
    }

    /** A token for the privacy centre, acting for a shopper who is not signed in. */
    public String forPrivacyCentre() {
        return mint(PRIVACY_CENTRE, Set.of(PRIVACY_CENTRE));
    }

    private String mint(String name, Set<String> roles) {
        Instant now = clock.instant();
        return Jwt.upn(name)
                .subject(name)
                .groups(roles)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .sign();
    }
}
