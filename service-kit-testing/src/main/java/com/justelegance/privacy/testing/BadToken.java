package com.justelegance.privacy.testing;

import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The kinds of bearer token a service must refuse with a 401 problem whatever roles they claim (see
 * {@link RoleMatrix#assertBadTokenRefused}): each is a valid token for an allowed role but for one flaw.
 */
public enum BadToken {

    EXPIRED("an expired token", TestTokens::expiredBearer),
    WRONG_ISSUER("a token from another issuer", TestTokens::wrongIssuerBearer),
    FOREIGN_KEY("a token signed by another key", TestTokens::foreignKeyBearer),
    UNSIGNED("an unsigned token (alg none)", TestTokens::unsignedBearer),
    WRONG_AUDIENCE("a token for another audience", TestTokens::wrongAudienceBearer),
    TOO_LONG_LIVED("a token living longer than the lifetime policy allows", BadToken::tooLongLivedBearer),
    GARBAGE("a string that is no token", roles -> TestTokens.garbageBearer());

    private final String description;
    private final Function<String[], String> bearer;

    BadToken(String description, Function<String[], String> bearer) {
        this.description = description;
        this.bearer = bearer;
    }

    /** An {@code Authorization} header value of this kind, claiming the given roles. */
    public String bearer(String... roles) {
        return bearer.apply(roles);
    }

    /**
     * The kinds every service must refuse: all of them (each service checks the audience, the kit's
     * {@code mp.jwt.verify.audiences}).
     */
    public static List<BadToken> refusedHere() {
        return List.of(values());
    }

    /**
     * Valid now, but minted to live an hour longer than the service's default limit
     * ({@code privacy.kit.token.max-lifetime}); per-role limits are shorter, so it is too long for any role.
     */
    private static String tooLongLivedBearer(String... roles) {
        Duration limit = ConfigProvider.getConfig()
                .getOptionalValue("privacy.kit.token.max-lifetime", Duration.class).orElse(Duration.ofHours(12));
        Instant issuedAt = Instant.now().minusSeconds(60);
        return TestTokens.issuedBearer(issuedAt, issuedAt.plus(limit).plus(Duration.ofHours(1)), roles);
    }

    @Override
    public String toString() {
        return description;
    }
}
