package com.justelegance.privacy.system;

import com.icegreen.greenmail.util.GreenMail;
import com.justelegance.privacy.testing.TestDatabase;
import com.justelegance.privacy.testing.TestInfrastructure;
import com.justelegance.privacy.testing.TestMailServer;
import com.justelegance.privacy.testing.TestTokens;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Starts the system once per test run as real processes and stops it when the run ends: the four packaged services
 * (the jars {@code ./mvnw package} built) on the test broker and their test databases, and the storefront
 * simulator's {@code serve} process (its packaged jar: the data-source API and the erasure participant
 * {@code storefront}, with its customer directory in {@code target/storefront}), each on a free port. A mail server
 * (GreenMail, in this JVM) takes dsr-service's letters and holds the privacy mailbox it reads.
 *
 * <p>dsr-service is wired as {@code ./stack up} wires it: it reads the privacy mailbox ({@link #PRIVACY_ADDRESS}) and
 * sends its letters through that mail server, and gathers access packages from the other services and the storefront
 * with a token it signs itself (the test key's private half, as {@code ./stack up} gives it the dev key).
 *
 * <p>Settings that differ from production, so that tests see in seconds what takes hours in production:
 * dsr-service's erasure receipts are due within 5 seconds ({@code privacy.erasure.receipts-due-within=PT5S}, 24 hours
 * in production), so a participant that has not answered shows as overdue almost at once; and it reads the privacy
 * mailbox every second ({@code dsr.mailbox.poll-every=1s}, 30 seconds in production), so a request or a reply sent
 * by mail is taken in at once.
 *
 * <p>A test may {@link #stop} a service and {@link #start} it again (same port, same database, kept as it was) to see
 * how the others cope while it is away; it must start it again before it ends. Each process's output goes to
 * {@code target/system-logs/<name>.log}, which tests may read.
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

    /** How long an erasure's receipts may take before dsr-service calls them overdue, in these tests only. */
    public static final Duration RECEIPTS_DUE_WITHIN = Duration.ofSeconds(5);
    /** How often dsr-service reads the privacy mailbox, in these tests only. */
    public static final String MAILBOX_POLL_EVERY = "1s";
    /** The privacy mailbox's address: people send their requests there, and dsr-service's letters come from it. */
    public static final String PRIVACY_ADDRESS = TestMailServer.DEFAULT_ADDRESS;

    private static final Path LOGS = Path.of("target", "system-logs");
    private static final Path STOREFRONT_DATA = Path.of("target", "storefront");
    private static final Path SIMULATOR_JAR = Path.of("..", "tools", "storefront-simulator", "target",
            "storefront-simulator.jar");
    private static final Map<Service, Started> RUNNING = new EnumMap<>(Service.class);
    private static final Map<Service, Integer> PORTS = new EnumMap<>(Service.class);
    private static Started storefront;
    private static Started console;
    private static final Path CONSOLE_USERS = Path.of("target", "console-users.properties");
    private static TestMailServer mail;
    private static GreenMail greenMail;
    private static Map<String, String> mailSettings;
    private static Path publicKey;
    private static Path privateKey;
    private static int storefrontPort;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningSystem.class, key -> startAll(), Stopper.class);
    }

    /** The base URL of a running service. */
    public static String url(Service service) {
        return "http://localhost:" + PORTS.get(service);
    }

    /** A service's test database (its owner may read everything in it: the proof-of-deletion dumps). */
    public static TestDatabase database(Service service) {
        return TestDatabase.of(service.database);
    }

    /** The base URL of the simulated storefront (its data-source API is under {@code /data-source/v1}). */
    public static String storefrontUrl() {
        return "http://localhost:" + storefront.port();
    }

    /** The simulated storefront's customer directory: a simulator run given it as {@code --data-dir} adds there. */
    public static Path storefrontDataDir() {
        return STOREFRONT_DATA.toAbsolutePath();
    }

    /** The base URL of the privacy console: the staff console under {@code /console}, the privacy centre under
     * {@code /privacy-centre}. */
    public static String consoleUrl() {
        return "http://localhost:" + console.port();
    }

    /**
     * The console's built-in users as it created them on its first start (one per staff role): name, role and
     * password, as {@code ./stack up} prints them.
     */
    public static Map<String, String[]> consoleUsers() {
        Map<String, String[]> users = new HashMap<>();
        for (String line : read(Path.of(CONSOLE_USERS + ".initial")).split("\n")) {
            String[] fields = line.strip().split(" ");
            if (fields.length == 3) {
                users.put(fields[1], new String[]{fields[0], fields[2]});
            }
        }
        return users;
    }

    /** Everything the console has logged so far. */
    public static String consoleLog() {
        return read(console.log());
    }

    /** The mail server dsr-service sends its letters to: each recipient's mail is there. */
    public static GreenMail mailServer() {
        return greenMail;
    }

    /** Everything the service has logged so far (across its restarts). */
    public static String log(Service service) {
        return read(RUNNING.get(service).log());
    }

    /** Everything the simulated storefront has logged so far. */
    public static String storefrontLog() {
        return read(storefront.log());
    }

    /**
     * Stops a service as an operator would (SIGTERM, a clean shutdown); the others keep running. Its consumers
     * resume from where they were when it is {@linkplain #start started} again.
     */
    public static synchronized void stop(Service service) {
        Started started = RUNNING.get(service);
        if (started.process().isAlive()) {
            stopProcess(started.process());
        }
    }

    /** Starts a stopped service again, on its port and with its database as it was, and waits until it is ready. */
    public static synchronized void start(Service service) {
        if (RUNNING.get(service).process().isAlive()) {
            return;
        }
        try {
            RUNNING.put(service, startService(service, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(service);
    }

    private static Stopper startAll() {
        try {
            Files.createDirectories(LOGS);
            publicKey = copyTestKey("publicKey.pem", "jwt-public.pem");
            privateKey = copyTestKey("privateKey.pem", "jwt-private.pem");
            startMailServer();
            // Every port first: dsr-service is given the others' URLs and the storefront's when it starts.
            for (Service service : Service.values()) {
                PORTS.put(service, freePort());
            }
            storefrontPort = freePort();
            for (Service service : Service.values()) {
                RUNNING.put(service, startService(service, true));
            }
            storefront = startStorefront();
            console = startConsole();
            for (Service service : Service.values()) {
                awaitReady(service);
            }
            awaitReady("storefront-simulator", storefront, storefrontUrl() + "/health");
            awaitReady("privacy-console", console, consoleUrl() + "/q/health/ready");
            return new Stopper();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * GreenMail in this JVM, set up as service-kit-testing's {@link TestMailServer} sets it up for dsr-service's own
     * tests: SMTP for the letters (for real, not Quarkus' mock) and the privacy mailbox over IMAP.
     */
    private static void startMailServer() {
        mail = new TestMailServer();
        mail.init(Map.of(TestMailServer.MAILBOX_PREFIX, "dsr.mailbox"));
        mailSettings = mail.start();
        mail.inject((server, field) -> greenMail = (GreenMail) server);
    }

    /**
     * Starts a service's process. On the first start its schema is emptied (as the module tests do); on a restart
     * it is left as it was, as it would be in production.
     */
    private static Started startService(Service service, boolean firstStart) throws IOException {
        Path jar = Path.of("..", service.module, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: system tests run after ./mvnw package");
        }
        Path log = LOGS.resolve(service.module + ".log");
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx192m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(firstStart ? ProcessBuilder.Redirect.to(log.toFile())
                        : ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(PORTS.get(service)));
        // As ./stack up runs them: the local profile, since the prod profile refuses these development settings.
        env.put("QUARKUS_PROFILE", "local");
        env.put("PRIVACY_DB_URL", database(service).jdbcUrl());
        env.put("PRIVACY_KAFKA_BOOTSTRAP", TestInfrastructure.kafkaBootstrap());
        env.put("PRIVACY_JWT_PUBLIC_KEY", "file:" + publicKey);
        env.put("PRIVACY_KIT_MASTER_KEY", "c3lzdGVtLXRlc3RzLW9ubHktbWFzdGVyLWtleS0zMiE=");
        // Start from an empty schema, as the module tests do; a restart keeps what the service had.
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", Boolean.toString(firstStart));
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", Boolean.toString(!firstStart));
        if (service == Service.DSR) {
            // Letters over SMTP and the privacy mailbox over IMAP, both to the mail server in this JVM.
            mailSettings.forEach((key, value) -> env.put(environmentName(key), value));
            // Overdue after seconds rather than a day, and mail taken in at once (see the class comment).
            env.put("PRIVACY_ERASURE_RECEIPTS_DUE_WITHIN", RECEIPTS_DUE_WITHIN.toString());
            env.put("DSR_MAILBOX_POLL_EVERY", MAILBOX_POLL_EVERY);
            // Access packages: the sources' URLs, the link's public address, and the key dsr-service signs its own
            // token for the sources with (as ./stack up's access_settings_for).
            env.put("DSR_CONSENT_URL", url(Service.CONSENT));
            env.put("DSR_RETENTION_URL", url(Service.RETENTION));
            env.put("DSR_DISCLOSURE_URL", url(Service.DISCLOSURE));
            env.put("DSR_STOREFRONT_URL", "http://localhost:" + storefrontPort);
            env.put("DSR_PUBLIC_URL", url(Service.DSR));
            env.put("PRIVACY_JWT_PRIVATE_KEY", "file:" + privateKey);
        }
        return new Started(builder.start(), PORTS.get(service), log);
    }

    /**
     * The storefront simulator's {@code serve}, as {@code ./stack up} starts it ({@code start_storefront}): the
     * packaged jar, with an empty customer directory, on the test broker, checking tokens against the test key.
     */
    private static Started startStorefront() throws IOException {
        Path jar = SIMULATOR_JAR.toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: system tests run after ./mvnw package");
        }
        Files.createDirectories(STOREFRONT_DATA);
        Files.deleteIfExists(STOREFRONT_DATA.resolve("customers.json"));
        int port = storefrontPort;
        Path log = LOGS.resolve("storefront-simulator.log");
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx128m", "-XX:+UseSerialGC", "-jar",
                jar.toString(), "serve", "--port", Integer.toString(port),
                "--data-dir", storefrontDataDir().toString(), "--bootstrap", TestInfrastructure.kafkaBootstrap(),
                "--jwt-public-key", publicKey.toString(), "--jwt-issuer", TestTokens.ISSUER));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Started(process, port, log);
    }

    /**
     * The privacy console, as {@code ./stack up} starts it ({@code start_console}): the packaged jar, calling the four
     * services with tokens signed with the test key, creating one user per staff role on its first start.
     */
    private static Started startConsole() throws IOException {
        Path jar = Path.of("..", "privacy-console", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: system tests run after ./mvnw package");
        }
        Files.deleteIfExists(CONSOLE_USERS);
        Files.deleteIfExists(Path.of(CONSOLE_USERS + ".initial"));
        int port = freePort();
        Path log = LOGS.resolve("privacy-console.log");
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx128m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("CONSOLE_DSR_URL", url(Service.DSR));
        env.put("CONSOLE_CONSENT_URL", url(Service.CONSENT));
        env.put("CONSOLE_RETENTION_URL", url(Service.RETENTION));
        env.put("CONSOLE_DISCLOSURE_URL", url(Service.DISCLOSURE));
        env.put("PRIVACY_JWT_PRIVATE_KEY", "file:" + privateKey);
        env.put("PRIVACY_JWT_ISSUER", TestTokens.ISSUER);
        env.put("CONSOLE_SESSION_KEY", "system-tests-only-session-key-0123456789");
        env.put("CONSOLE_CSRF_KEY", "system-tests-only-csrf-key-0123456789abcdef");
        env.put("CONSOLE_CENTRE_SESSION_KEY", "system-tests-only-centre-key-0123456789ab");
        env.put("CONSOLE_USERS_FILE", CONSOLE_USERS.toAbsolutePath().toString());
        env.put("CONSOLE_CREATE_USERS", "true");
        return new Started(builder.start(), port, log);
    }

    /** Copies one half of service-kit-testing's test key pair to a file the processes can be pointed at. */
    private static Path copyTestKey(String resource, String fileName) throws IOException {
        Path file = LOGS.resolve(fileName).toAbsolutePath();
        try (InputStream key = RunningSystem.class.getClassLoader()
                .getResourceAsStream("privacy-test-keys/" + resource)) {
            Files.copy(key, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static void awaitReady(Service service) {
        awaitReady(service.module, RUNNING.get(service), url(service) + "/q/health/ready");
    }

    private static void awaitReady(String name, Started started, String readinessUrl) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(readinessUrl)).build();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!started.process().isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see "
                        + started.log().toAbsolutePath());
            }
            try {
                return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }

    /** A config key as the environment variable Quarkus reads it from: quarkus.mailer.start-tls is QUARKUS_MAILER_START_TLS. */
    private static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopProcess(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private record Started(Process process, int port, Path log) {
    }

    /** Stops the processes and the mail server when the whole test run ends. */
    private static final class Stopper implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            List<Process> processes = new ArrayList<>(RUNNING.values().stream().map(Started::process).toList());
            if (storefront != null) {
                processes.add(storefront.process());
            }
            if (console != null) {
                processes.add(console.process());
            }
            processes.forEach(Process::destroy);
            processes.forEach(RunningSystem::stopProcess);
            if (mail != null) {
                mail.stop();
            }
        }
    }
}
