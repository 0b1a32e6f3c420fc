package com.justelegance.privacy.dsr.config;

import com.justelegance.privacy.dsr.domain.Nation;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** dsr-service settings, under {@code dsr}. */
@ConfigMapping(prefix = "dsr")
public interface DsrConfig {

    /** Bank holidays used for deadlines. */
    BankHolidays bankHolidays();

    interface BankHolidays {

        /** The UK nation whose bank holidays count when a request names none. */
        @WithDefault("ENGLAND_AND_WALES")
        Nation nation();

        /**
         * A directory of newer published lists, named as the shipped ones ({@code england-and-wales.txt},
         * {@code scotland.txt}, {@code northern-ireland.txt}); a nation without a file there keeps the shipped list.
         */
        Optional<String> directory();
    }
}
