package com.justelegance.privacy.system;

import com.justelegance.privacy.testing.TestInfrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Starts the four packaged services once per test run as real processes (the jars {@code ./mvnw package} built),
 * on the test broker and the services' test databases, each on a free port, and stops them when the run ends.
 * Each service's output goes to {@code target/system-logs/<service>.log}, which tests may read.
 */
public final class RunningSystem implements BeforeAllCallback {

    /** The services, with the test database each one uses. */
    public enum Service {
        CONSENT("consent-service", "consent_test"),
        RETENTION("retention-service", "retention_test"),
        DSR("dsr-service", "dsr_test"),
        DISCLOSURE("disclosure-service", "disclosure_test");

        final String module;
        final String database;

        Service(String module, String database) {
            this.module = module;
            this.database = database;
        }
    }

    private static final Path LOGS = Path.of("target", "system-logs");
    private static final Map<Service, Started> RUNNING = new EnumMap<>(Service.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningSystem.class, key -> startAll(), Stopper.class);
    }

    /** The base URL of a running service. */
    public static String url(Service service) {
        return "http://localhost:" + RUNNING.get(service).port();
    }

    /** Everything the service has logged so far. */
    public static String log(Service service) {
        try {
            return Files.readString(RUNNING.get(service).log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stopper startAll() {
        try {
            Files.createDirectories(LOGS);
            Path publicKey = LOGS.resolve("jwt-public.pem");
            try (InputStream key = RunningSystem.class.getClassLoader()
                    .getResourceAsStream("privacy-test-keys/publicKey.pem")) {
                Files.copy(key, publicKey, StandardCopyOption.REPLACE_EXISTING);
            }
            for (Service service : Service.values()) {
                RUNNING.put(service, start(service, publicKey));
            }
            for (Service service : Service.values()) {
                awaitReady(service);
            }
            return new Stopper();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Started start(Service service, Path publicKey) throws IOException {
        Path jar = Path.of("..", service.module, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: system tests run after ./mvnw package");
        }
        int port = freePort();
        Path log = LOGS.resolve(service.module + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx192m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("PRIVACY_DB_URL", "jdbc:postgresql://" + envOr("PRIVACY_TEST_DB_HOST", "localhost") + ":"
                + envOr("PRIVACY_TEST_DB_PORT", "5432") + "/" + service.database
                + envOr("PRIVACY_TEST_DB_SUFFIX", ""));
        env.put("PRIVACY_KAFKA_BOOTSTRAP", TestInfrastructure.kafkaBootstrap());
        env.put("PRIVACY_JWT_PUBLIC_KEY", "file:" + publicKey.toAbsolutePath());
        env.put("PRIVACY_KIT_MASTER_KEY", "c3lzdGVtLXRlc3RzLW9ubHktbWFzdGVyLWtleS0zMiE=");
        // Start from an empty schema, as the module tests do.
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        return new Started(builder.start(), port, log);
    }

    private static void awaitReady(Service service) {
        Started started = RUNNING.get(service);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready")).build();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!started.process().isAlive()) {
                throw new IllegalStateException(service.module + " exited while starting; see "
                        + started.log().toAbsolutePath());
            }
            try {
                return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private record Started(Process process, int port, Path log) {
    }

    /** Stops the services when the whole test run ends. */
    private static final class Stopper implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            List<Process> processes = RUNNING.values().stream().map(Started::process).toList();
            processes.forEach(Process::destroy);
            for (Process process : processes) {
                try {
                    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
        }
    }
}
