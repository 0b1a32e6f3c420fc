package com.justelegance.privacy.disclosure.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** disclosure-service settings, under {@code disclosure}. */
@ConfigMapping(prefix = "disclosure")
public interface DisclosureConfig {

    /** The controller's name, as notices to recipients give it. */
    @WithDefault("Just Elegance")
    String controllerName();

    /** Delivery of Art. 19 notices to recipients' APIs. */
    Notices notices();

    interface Notices {

        /** How often the delivery job looks for notices due to be posted (also read by its schedule). */
        @WithDefault("10s")
        Duration deliveryInterval();

        /** How many notices one round of the delivery job posts. */
        @WithDefault("50")
        int deliveryBatchSize();

        /** How long other instances leave a claimed notice alone while this one posts it. */
        @WithDefault("5m")
        Duration deliveryLease();

        /**
         * Connect timeout of one post to a recipient's API, and the longest the post then waits without hearing
         * from the recipient (the REST client's connect and read timeouts).
         */
        @WithDefault("10s")
        Duration requestTimeout();

        /** When to stop posting to a recipient's API that keeps failing, for a while (one breaker per recipient). */
        CircuitBreaker circuitBreaker();

        /** Wait before the first retry; each later retry waits twice as long as the one before. */
        @WithDefault("30s")
        Duration initialRetryDelay();

        /** The longest wait between two attempts. */
        @WithDefault("6h")
        Duration maxRetryDelay();

        /** Attempts before a notice that keeps failing becomes a task for a person. */
        @WithDefault("10")
        int maxAttempts();
    }

    interface CircuitBreaker {

        /**
         * Posts to one recipient's API that fail in a row (no answer, a 5xx, a 408 or 429) before further posts to
         * it fail at once, without being sent, for {@link #delay()}.
         */
        @WithDefault("5")
        int failures();

        /** How long posts to a recipient's API stay stopped; then one trial post decides whether to go on. */
        @WithDefault("1m")
        Duration delay();
    }
}
