package com.justelegance.privacy.kit.security;

import com.justelegance.privacy.kit.KitConfig;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Optional;

/**
 * Refuses bearer tokens that were minted to live longer than their roles allow ({@link TokenLifetimePolicy}), or
 * that carry no issued-at time: a stolen ten-year token must not open the APIs for ten years. Refusal is an
 * authentication failure, so the caller gets the kit's 401 problem.
 */
@ApplicationScoped
public class TokenLifetimeAugmentor implements SecurityIdentityAugmentor {

    private final TokenLifetimePolicy policy;

    public TokenLifetimeAugmentor(KitConfig kitConfig) {
        KitConfig.Token token = kitConfig.token();
        this.policy = new TokenLifetimePolicy(token.maxLifetime(), token.maxLifetimeByRole(), token.clockSkew());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Instant issuedAt = epochSeconds(token, Claims.iat).map(Instant::ofEpochSecond).orElse(null);
        Instant expiresAt = Instant.ofEpochSecond(token.getExpirationTime());
        // Real time, not the services' Clock bean: smallrye-jwt checks exp against real time too, and tests move
        // that bean years ahead.
        Optional<String> refusal = policy.refusal(issuedAt, expiresAt, identity.getRoles(), Instant.now());
        if (refusal.isPresent()) {
            Log.debugf("Bearer token refused: %s", refusal.get());
            return Uni.createFrom().failure(new AuthenticationFailedException(refusal.get()));
        }
        return Uni.createFrom().item(identity);
    }

    private static Optional<Long> epochSeconds(JsonWebToken token, Claims claim) {
        Object value = token.getClaim(claim.name());
        if (value instanceof JsonNumber number) {
            return Optional.of(number.longValue());
        }
        if (value instanceof Number number) {
            return Optional.of(number.longValue());
        }
        return Optional.empty();
    }
}
