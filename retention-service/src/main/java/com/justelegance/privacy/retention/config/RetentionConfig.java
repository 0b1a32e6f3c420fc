package com.justelegance.privacy.retention.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;


/** Settings of retention-service, under {@code retention}. */
@ConfigMapping(prefix = "retention")
public interface RetentionConfig {

    /** The purge job. */
    Purge purge();

    interface Purge {

        /** When the scheduled purge runs: a Quartz cron expression in UTC, or {@code off} (manual runs only). */
        String cron();

        /** How many due subjects one batch claims and requests erasure for, in one transaction. */
        @WithDefault("500")
        int batchSize();
    }
}
