package com.justelegance.privacy.kit.erasure;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the erasure protocol, under {@code privacy.erasure}; only services that request erasures need any. */
@ConfigMapping(prefix = "privacy.erasure")
public interface ErasureConfig {

    /**
     * The services whose receipt ({@code ErasureCompleted}) an erasure this service requested waits for before it
     * counts as done.
     */
    Optional<List<String>> expectedReceipts();

    /** How long after the request a missing receipt makes the erasure overdue. */
    @WithDefault("PT24H")
    Duration receiptsDueWithin();
}
