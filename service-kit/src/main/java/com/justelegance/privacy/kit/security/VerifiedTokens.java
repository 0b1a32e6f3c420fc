package com.justelegance.privacy.kit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies bearer tokens as smallrye-jwt does (signature, issuer, expiry: {@link DefaultJWTCallerPrincipalFactory})
 * and remembers each token that passed until it expires, so that a client calling many times with the same token
 * pays the RSA signature check once, not on every call. The benchmark of the consent check found 52 % of the
 * service's time in verifying the token, 26 % in the RSA check alone (bench/README.md).
 *
 * <p>Why it is safe: only a token that passed full verification is remembered, keyed by the SHA-256 of its exact
 * text, so a token differing in any byte (another signature, another claim) is verified afresh; an entry never
 * outlives the token's own {@code exp}; the kit's lifetime rule ({@link TokenLifetimeAugmentor}) and the role checks
 * still run on every call. The table holds at most {@link #MAX_TOKENS} tokens: when full, it drops the expired ones,
 * and if that is not enough, all of them (they are verified again on their next use).
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final int MAX_TOKENS = 10_000;

    private record Verified(JWTCallerPrincipal principal, long expiresAtEpochSecond) {
    }

    private final JWTCallerPrincipalFactory verifier;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedTokens() {
        this(new DefaultJWTCallerPrincipalFactory(), Clock.systemUTC());
    }

    VerifiedTokens(JWTCallerPrincipalFactory verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        String key = sha256(token);
        long now = clock.instant().getEpochSecond();
        Verified known = verified.get(key);
        if (known != null && now < known.expiresAtEpochSecond()) {
            return known.principal();
        }
        JWTCallerPrincipal principal = verifier.parse(token, authContextInfo);
        if (verified.size() >= MAX_TOKENS) {
            verified.values().removeIf(entry -> now >= entry.expiresAtEpochSecond());
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
        }
        verified.put(key, new Verified(principal, principal.getExpirationTime()));
        return principal;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
