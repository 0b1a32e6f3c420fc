package com.justelegance.privacy.kit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** Settings of the shared messaging, audit, security and encryption machinery, under {@code privacy.kit}. */
@ConfigMapping(prefix = "privacy.kit")
public interface KitConfig {

    /** The outbox relay. */
    Outbox outbox();

    /** Publishing to dead-letter topics. */
    DeadLetter deadLetter();

    /** Bearer token lifetimes. */
    Token token();

    /** The kit's health checks. */
    Health health();

    /** Anchoring the audit chain outside the database. */
    AuditAnchors auditAnchors();

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

    interface Token {

        /** The longest a token may be valid ({@code exp} minus {@code iat}) for roles without their own limit. */
        @WithDefault("PT12H")
        Duration maxLifetime();

        /** Shorter limits for some roles; a token holding several roles gets the shortest of its limits. */
        Map<String, Duration> maxLifetimeByRole();

        /** How far in the future a token's {@code iat} may lie, for an issuer whose clock runs a little ahead. */
        @WithDefault("PT1M")
        Duration clockSkew();
    }

    interface AuditAnchors {

        /** How often the head of the audit chain is anchored (when it moved since the last anchor). */
        @WithDefault("10m")
        Duration interval();

        /**
         * The name anchors are keyed by. The service's name in production; tests give each run its own, as each
         * run starts from an empty database but the broker keeps earlier runs' anchors.
         */
        @WithDefault("${quarkus.application.name}")
        String chainName();

        /** How long anchoring or reading anchors may wait for the broker. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Health {

        /** The readiness check of the Kafka broker. */
        HealthKafka kafka();
    }

    interface HealthKafka {

        /**
         * Whether the service reports the broker in its readiness: off for a service that can do its work without
         * it. Read when the service is built.
         */
        @WithDefault("true")
        boolean enabled();

        /** How long the check waits for the broker before reporting it down. */
        @WithDefault("1s")
        Duration timeout();
    }
}
