package com.justelegance.privacy.dsr.config;

import com.justelegance.privacy.dsr.domain.Nation;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;
import java.util.Optional;

/** dsr-service settings, under {@code dsr}. */
@ConfigMapping(prefix = "dsr")
public interface DsrConfig {

    /** Bank holidays used for deadlines. */
    BankHolidays bankHolidays();

    /** Letters to requesters (the SMTP server itself is {@code quarkus.mailer.*}). */
    Mail mail();

    /** The privacy mailbox people write to, read over IMAP. */
    Mailbox mailbox();

    /** How long closed case files are kept. */
    CaseFiles caseFiles();

    interface CaseFiles {

        /** Kept this long after the case closed, as evidence of how it was answered, then purged. */
        @WithDefault("P2Y")
        Period keepFor();

        /** When the purge runs (Quarkus cron, or {@code off}); read by {@code CaseFileRetention}'s schedule. */
        @WithDefault("0 0 3 * * ?")
        String purgeCron();
    }

    /** The work-queue gauges. */
    Metrics metrics();

    interface Metrics {

        /** How often {@code dsr_cases_open} and {@code dsr_cases_overdue} are recounted; read by the schedule. */
        @WithDefault("60s")
        String refreshEvery();
    }

    /** One-time codes that prove a requester's identity. */
    Identity identity();

    /** One-time codes that sign a shopper in to the privacy centre's preferences page. */
    SignIn signIn();

    interface SignIn {

        /** How long a sign-in code works after it was sent. */
        @WithDefault("PT15M")
        Duration codeValidFor();

        /** Wrong tries after which a sign-in code is refused for good (asking again sends a new one). */
        @WithDefault("5")
        int maxAttempts();
    }

    interface Identity {

        /** How long a code sent to the requester works. */
        @WithDefault("P3D")
        Duration codeValidFor();

        /** Wrong tries after which a code is refused for good (a new identity request sends a new one). */
        @WithDefault("5")
        int maxAttempts();
    }

    /** Access and portability packages: their download links and the service's own token for the sources. */
    Access access();

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

    interface Mail {

        /** The address letters come from and replies go to: the privacy address. */
        String from();

        /** The name shown with that address and under each letter. */
        @WithDefault("Juste Elegance privacy team")
        String senderName();
    }

    interface Mailbox {

        /** Whether the mailbox is polled at all. */
        @WithDefault("false")
        boolean enabled();

        /**
         * How often it is polled (a Quarkus {@code every} value such as {@code 30s}); {@code off} stops the schedule,
         * as in tests, which poll themselves.
         */
        @WithDefault("30s")
        String pollEvery();

        /** The IMAP server. */
        @WithDefault("localhost")
        String host();

        /** Its port (143 for plain IMAP, 993 for IMAPS). */
        @WithDefault("143")
        int port();

        /** IMAP over TLS (IMAPS) rather than plain IMAP. */
        @WithDefault("false")
        boolean ssl();

        /** The mailbox's login. */
        Optional<String> username();

        /** Its password (from the environment, {@code DSR_MAILBOX_PASSWORD}). */
        Optional<String> password();

        /** The folder new mail arrives in. */
        @WithDefault("INBOX")
        String folder();

        /** The folder a message moves to once the intake has taken it; created if missing. */
        @WithDefault("Processed")
        String processedFolder();

        /** The privacy address: only messages addressed to it are taken in; others are left where they are. */
        String address();

        /** How long connecting to or reading from the server may take before the poll gives up. */
        @WithDefault("20s")
        Duration timeout();
    }

    interface Access {

        /** How long a package's download link works (and the package is kept), from when it was prepared. */
        @WithDefault("P7D")
        Duration linkValidFor();

        /** How many times the link can be used; then the package is deleted. */
        @WithDefault("3")
        int maxDownloads();

        /**
         * How often packages whose link expired or was used up are deleted (a Quarkus {@code every} value);
         * {@code off} stops the schedule, as in tests, which purge themselves.
         */
        @WithDefault("1h")
        String purgeEvery();

        /** The service's public address, in front of {@code /api/v1/access-packages/<token>} in the link. */
        @WithDefault("http://localhost:8083")
        String downloadBaseUrl();

        /**
         * Where the link points instead, in front of the token, when requesters download elsewhere: the privacy
         * centre serves the same download under its own address ({@code ./stack up} sets
         * {@code http://localhost:8085/privacy-centre/access-packages/}), so the link in the letter is the
         * retailer's page rather than an API.
         */
        Optional<String> downloadLinkPrefix();

        /** The name the package gives as the controller. */
        @WithDefault("Juste Elegance")
        String controllerName();

        /**
         * How long dsr-service's own token for the sources lives (the services accept at most an hour for its
         * role).
         */
        @WithDefault("PT5M")
        Duration serviceTokenLifetime();
    }
}
