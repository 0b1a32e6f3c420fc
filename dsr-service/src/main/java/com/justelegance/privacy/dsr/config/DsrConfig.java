package com.justelegance.privacy.dsr.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** dsr-service settings, under {@code dsr}. */
@ConfigMapping(prefix = "dsr")
public interface DsrConfig {

    /** Bank holidays used for deadlines. */
    BankHolidays bankHolidays();

    interface BankHolidays {

        /** The UK nation whose bank holidays count: ENGLAND_AND_WALES (shipped), or one you supply a file for. */
        @WithDefault("ENGLAND_AND_WALES")
        String nation();

        /** A file of ISO dates, one per line, replacing the shipped calendar for the nation. */
        Optional<String> location();
    }
}
