package com.justelegance.privacy.retention.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** Settings of retention-service, under {@code retention}. */
@ConfigMapping(prefix = "retention")
public interface RetentionConfig {

    /** The purge job. */
    Purge purge();

    /** Erasures this service requests. */
    Erasure erasure();

    interface Purge {

        /** When the scheduled purge runs: a Quartz cron expression in UTC, or {@code off} (manual runs only). */
        String cron();

        /** How many due subjects one batch claims and requests erasure for, in one transaction. */
        @WithDefault("500")
        int batchSize();
    }

    interface Erasure {

        /** The services whose ErasureCompleted receipt an erasure this service requested waits for. */
        @WithDefault("consent-service,retention-service,disclosure-service")
        List<String> expectedReceipts();
    }
}
