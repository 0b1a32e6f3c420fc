package com.justelegance.privacy.kit;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** What the prod profile refuses, and that settings fit for production pass. */
class ProductionSafeguardsTest {

    private static Map<String, String> production() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.datasource.password", "s3cret-from-the-vault");
        settings.put("quarkus.flyway.password", "an0ther-s3cret");
        settings.put("quarkus.datasource.jdbc.url",
                "jdbc:postgresql://db.internal:5432/consent?sslmode=verify-full&sslrootcert=/etc/ssl/db-ca.pem");
        settings.put("kafka.security.protocol", "SASL_SSL");
        settings.put("mp.jwt.verify.publickey.location", "https://auth.example/jwks");
        settings.put("privacy.kit.master-key", "b3duLWtleS1mcm9tLXRoZS12YXVsdC0zMi1ieXRlcyE=");
        return settings;
    }

    private static List<String> problems(Map<String, String> settings) {
        return ProductionSafeguards.problems(name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void productionSettingsPass() {
        assertThat(problems(production()), empty());
    }

    @Test
    void theRepositorysDevelopmentSettingsAreEachRefusedByName() {
        Map<String, String> development = new HashMap<>();
        development.put("quarkus.datasource.password", "privacy");
        development.put("quarkus.flyway.password", "privacy_owner");
        development.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/consent");
        development.put("privacy.kit.master-key", "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=");
        List<String> problems = problems(development);
        assertThat(problems, hasSize(6));
        assertThat(String.join("\n", problems), containsString("PRIVACY_DB_PASSWORD"));
        assertThat(String.join("\n", problems), containsString("PRIVACY_DB_OWNER_PASSWORD"));
        assertThat(String.join("\n", problems), containsString("PRIVACY_DB_URL"));
        assertThat(String.join("\n", problems), containsString("KAFKA_SECURITY_PROTOCOL"));
        assertThat(String.join("\n", problems), containsString("PRIVACY_JWT_PUBLIC_KEY"));
        assertThat(String.join("\n", problems), containsString("PRIVACY_KIT_MASTER_KEY"));
        assertThat("no value is echoed", problems, everyItem(not(containsString("privacy_owner"))));
    }

    @Test
    void tlsWithoutVerifyingTheServerIsNotEnough() {
        Map<String, String> settings = production();
        settings.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://db.internal:5432/consent?sslmode=require");
        settings.put("kafka.security.protocol", "SASL_PLAINTEXT");
        assertThat(problems(settings), contains(containsString("PRIVACY_DB_URL"),
                containsString("KAFKA_SECURITY_PROTOCOL")));
    }

    @Test
    void theOwnerPasswordFallsBackToTheServicesOne() {
        Map<String, String> settings = production();
        settings.remove("quarkus.flyway.password");
        assertThat(problems(settings), empty());
        settings.put("quarkus.datasource.password", "privacy");
        assertThat(problems(settings), hasSize(2));
    }
}
