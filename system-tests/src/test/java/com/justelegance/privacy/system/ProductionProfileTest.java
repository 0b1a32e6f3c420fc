package com.justelegance.privacy.system;

import com.justelegance.privacy.testing.TestDatabase;
import com.justelegance.privacy.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A packaged service started as an operator would start it, without {@code QUARKUS_PROFILE} (so in the prod
 * profile), with the development settings {@code ./stack up} gives it: it refuses to start, naming each setting
 * that is wrong and none of their values (docs/production.md).
 */
class ProductionProfileTest {

    @Test
    void aServiceRefusesToStartInTheProdProfileWithDevelopmentSettings() throws Exception {
        Path jar = Path.of("..", "consent-service", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        Path log = Files.createTempFile("consent-prod", ".log");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx192m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("QUARKUS_PROFILE");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("PRIVACY_DB_URL", RunningSystem.database(RunningSystem.Service.CONSENT).jdbcUrl());
        env.put("PRIVACY_DB_USER", TestDatabase.user());
        env.put("PRIVACY_DB_PASSWORD", TestDatabase.password());
        env.put("PRIVACY_DB_OWNER_USER", TestDatabase.ownerUser());
        env.put("PRIVACY_DB_OWNER_PASSWORD", TestDatabase.ownerPassword());
        env.put("PRIVACY_KAFKA_BOOTSTRAP", TestInfrastructure.kafkaBootstrap());
        env.put("PRIVACY_KIT_MASTER_KEY", "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=");
        // A key to verify tokens with is given (without one, Quarkus itself stops first, naming only that).
        Path publicKey = Files.createTempFile("jwt-public", ".pem");
        try (var key = getClass().getClassLoader().getResourceAsStream("privacy-test-keys/publicKey.pem")) {
            Files.write(publicKey, key.readAllBytes());
        }
        env.put("PRIVACY_JWT_PUBLIC_KEY", "file:" + publicKey);
        Process service = builder.start();
        try {
            assertThat("it exits by itself", service.waitFor(120, TimeUnit.SECONDS), equalTo(true));
            assertThat("and not successfully", service.exitValue(), not(equalTo(0)));
        } finally {
            service.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output, containsString("Refusing to start in the prod profile"));
        for (String setting : new String[] {"PRIVACY_DB_PASSWORD", "PRIVACY_DB_OWNER_PASSWORD", "PRIVACY_DB_URL",
                "KAFKA_SECURITY_PROTOCOL", "PRIVACY_KIT_MASTER_KEY"}) {
            assertThat(output, containsString(setting));
        }
        assertThat("it never listened", output, not(containsString("Listening on")));
        assertThat("no value is echoed", output, not(containsString("dGVzdC1vbmx5")));
        Files.deleteIfExists(log);
        Files.deleteIfExists(publicKey);
    }
}
