package com.justelegance.privacy.kit.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * How long a bearer token may live (its {@code exp} minus its {@code iat}): a default, and a shorter limit for
 * some roles (the roles services call each other with). A token holding several roles gets the shortest limit
 * among them, so adding a role to a token never lengthens what it may be used for.
 *
 * @param defaultMaxLifetime the limit for roles without their own
 * @param maxLifetimeByRole  per-role limits
 * @param clockSkew          how far in the future {@code iat} may lie, for issuers whose clock runs a little ahead
 */
public record TokenLifetimePolicy(Duration defaultMaxLifetime, Map<String, Duration> maxLifetimeByRole,
                                  Duration clockSkew) {

    /** The longest lifetime allowed for a token holding these roles. */
    public Duration maxLifetimeFor(Collection<String> roles) {
        return roles.stream()
                .map(role -> maxLifetimeByRole.getOrDefault(role, defaultMaxLifetime))
                .min(Duration::compareTo)
                .orElse(defaultMaxLifetime);
    }

    /**
     * Why a token must be refused, or empty when its lifetime is acceptable.
     *
     * @param issuedAt  the token's {@code iat}, or null when it has none
     * @param expiresAt the token's {@code exp}
     */
    public Optional<String> refusal(Instant issuedAt, Instant expiresAt, Collection<String> roles, Instant now) {
        if (issuedAt == null) {
            return Optional.of("the token has no issued-at time");
        }
        if (issuedAt.isAfter(now.plus(clockSkew))) {
            return Optional.of("the token is issued in the future");
        }
        Duration lifetime = Duration.between(issuedAt, expiresAt);
        Duration limit = maxLifetimeFor(roles);
        if (lifetime.compareTo(limit) > 0) {
            return Optional.of("the token lives " + lifetime + ", longer than the " + limit + " its roles allow");
        }
        return Optional.empty();
    }
}
