package com.justelegance.privacy.kit;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Refuses to start a service in the {@code prod} profile (the profile a packaged service runs in unless
 * {@code QUARKUS_PROFILE} names another) with settings only fit for a developer's machine: the database passwords
 * this repository gives as defaults, a database connection without verified TLS, a Kafka connection without TLS, no
 * key to verify tokens with, or a master key published in this repository for tests.
 *
 * <p>{@code ./stack}, the system tests, the bench and {@code docker-compose.yml} run the services in the
 * {@code local} profile, where none of this is asked (docs/production.md lists what production must give).
 * It runs before anything else observes start-up, so a refused service never consumes a record or answers a
 * request.
 */
@ApplicationScoped
public class ProductionSafeguards {

    /** The database passwords this repository's defaults and scripts use. */
    static final Set<String> DEVELOPMENT_PASSWORDS = Set.of("privacy", "privacy_owner");
    /** Master keys written in this repository's test code: public, so never a secret. */
    static final Set<String> PUBLISHED_MASTER_KEYS = Set.of("dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=",
            "c3lzdGVtLXRlc3RzLW9ubHktbWFzdGVyLWtleS0zMiE=");
    private static final Pattern VERIFIED_TLS = Pattern.compile("[?&]sslmode=verify-(full|ca)(&|$)");
    private static final Set<String> KAFKA_TLS = Set.of("SSL", "SASL_SSL");

    void refuseDevelopmentSettings(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        List<String> problems = problems(name -> config.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in the prod profile (docs/production.md): "
                    + String.join("; ", problems));
        }
    }

    /** What is wrong for production in these settings, each naming the setting (never its value). */
    static List<String> problems(Function<String, Optional<String>> setting) {
        List<String> problems = new ArrayList<>();
        String password = setting.apply("quarkus.datasource.password").orElse("");
        if (password.isBlank() || DEVELOPMENT_PASSWORDS.contains(password)) {
            problems.add("PRIVACY_DB_PASSWORD (quarkus.datasource.password) is a development default");
        }
        String ownerPassword = setting.apply("quarkus.flyway.password").orElse(password);
        if (ownerPassword.isBlank() || DEVELOPMENT_PASSWORDS.contains(ownerPassword)) {
            problems.add("PRIVACY_DB_OWNER_PASSWORD (quarkus.flyway.password) is a development default");
        }
        String jdbcUrl = setting.apply("quarkus.datasource.jdbc.url").orElse("");
        if (!VERIFIED_TLS.matcher(jdbcUrl).find()) {
            problems.add("PRIVACY_DB_URL (quarkus.datasource.jdbc.url) must ask for verified TLS: "
                    + "sslmode=verify-full (or verify-ca) with sslrootcert");
        }
        String protocol = setting.apply("kafka.security.protocol").orElse("PLAINTEXT").toUpperCase(Locale.ROOT);
        if (!KAFKA_TLS.contains(protocol)) {
            problems.add("KAFKA_SECURITY_PROTOCOL (kafka.security.protocol) must be SSL or SASL_SSL, with "
                    + "kafka.ssl.truststore.* for the broker's certificate");
        }
        if (setting.apply("mp.jwt.verify.publickey.location").filter(value -> !value.isBlank()).isEmpty()
                && setting.apply("mp.jwt.verify.publickey").filter(value -> !value.isBlank()).isEmpty()) {
            problems.add("PRIVACY_JWT_PUBLIC_KEY (mp.jwt.verify.publickey.location) is not set");
        }
        String masterKey = setting.apply("privacy.kit.master-key").orElse("").strip();
        if (masterKey.isEmpty() || PUBLISHED_MASTER_KEYS.contains(masterKey)) {
            problems.add("PRIVACY_KIT_MASTER_KEY (privacy.kit.master-key) is missing or a published test key");
        }
        return problems;
    }
}
