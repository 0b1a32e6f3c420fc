package com.justelegance.privacy.kit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the shared messaging, audit and encryption machinery, under {@code privacy.kit}. */
@ConfigMapping(prefix = "privacy.kit")
public interface KitConfig {

    /** The outbox relay. */
    Outbox outbox();

    /** Publishing to dead-letter topics. */
    DeadLetter deadLetter();

    /** Base64 of the 32-byte key that wraps per-subject data keys and keys the subject hashes. */
    String masterKey();

    interface Outbox {

        /**
         * How often the relay also looks for unsent rows, besides right after each commit that wrote some
         * (rows from other instances, or left by a crash). The scheduler's finest step is one second.
         */
        @WithDefault("1s")
        Duration pollInterval();

        /** How many outbox rows one relay round claims and sends. */
        @WithDefault("500")
        int batchSize();

        /** How long the relay waits for the broker to acknowledge a round before retrying it later. */
        @WithDefault("10s")
        Duration sendTimeout();

        /**
         * How long sent rows are kept (for diagnosis) before the cleanup deletes them. Short on purpose: a sent row
         * still names its subject, and should not outlive that subject's erasure by much.
         */
        @WithDefault("PT1H")
        Duration keepSent();
    }

    interface DeadLetter {

        /** How long to wait for the broker to acknowledge a dead-lettered record. */
        @WithDefault("10s")
        Duration sendTimeout();
    }
}
