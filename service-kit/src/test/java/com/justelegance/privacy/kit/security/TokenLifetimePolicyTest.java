package com.justelegance.privacy.kit.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The lifetime a token may have, by its roles; what the kit's augmentor applies to every request. */
class TokenLifetimePolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private final TokenLifetimePolicy policy = new TokenLifetimePolicy(Duration.ofHours(12),
            Map.of("dsr-service", Duration.ofHours(1)), Duration.ofMinutes(1));

    @Test
    void aTokenGetsTheShortestLimitAmongItsRoles() {
        assertThat(policy.maxLifetimeFor(List.of("auditor")), equalTo(Duration.ofHours(12)));
        assertThat(policy.maxLifetimeFor(List.of("auditor", "dsr-service")), equalTo(Duration.ofHours(1)));
        assertThat(policy.maxLifetimeFor(List.of()), equalTo(Duration.ofHours(12)));
    }

    @Test
    void lifetimeIsMeasuredFromIssuedAtToExpiry() {
        assertThat(policy.refusal(NOW, NOW.plus(Duration.ofHours(12)), List.of("auditor"), NOW),
                equalTo(Optional.empty()));
        assertThat(policy.refusal(NOW, NOW.plus(Duration.ofHours(12)).plusSeconds(1), List.of("auditor"), NOW)
                .isPresent(), equalTo(true));
        assertThat(policy.refusal(NOW, NOW.plus(Duration.ofMinutes(61)), List.of("dsr-service"), NOW).isPresent(),
                equalTo(true));
    }

    @Test
    void aTokenWithoutIssuedAtOrIssuedBeyondTheSkewIsRefused() {
        assertThat(policy.refusal(null, NOW.plusSeconds(60), List.of("auditor"), NOW).isPresent(), equalTo(true));
        assertThat(policy.refusal(NOW.plusSeconds(59), NOW.plusSeconds(600), List.of("auditor"), NOW),
                equalTo(Optional.empty()));
        assertThat(policy.refusal(NOW.plusSeconds(61), NOW.plusSeconds(600), List.of("auditor"), NOW).isPresent(),
                equalTo(true));
    }
}
