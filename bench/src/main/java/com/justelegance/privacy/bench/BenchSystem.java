package com.justelegance.privacy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The bench's own stack, as {@code ./stack bench} brought it up and described it in a properties file: PostgreSQL
 * with a fresh database per service, a broker, a mail server and the storefront simulator. The services themselves
 * are started and stopped here ({@link #start}), with the settings and JVM options {@code ./stack up} gives them,
 * because start-up time, ingest counted from process start and resident memory are among the figures.
 */
final class BenchSystem implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Properties settings;
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final PrivateKey signingKey;

    private BenchSystem(Properties settings) throws Exception {
        this.settings = settings;
        String pem = Files.readString(Path.of(setting("jwt.private-key")));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        this.signingKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    static BenchSystem load(Path file) throws Exception {
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            settings.load(in);
        }
        return new BenchSystem(settings);
    }

    String setting(String name) {
        String value = settings.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("The bench settings have no " + name + " (./stack bench writes them)");
        }
        return value;
    }

    List<String> services() {
        return List.of(setting("services").split(","));
    }

    // ------------------------------------------------------------------------------------------------ services

    String url(String service) {
        return "http://localhost:" + setting("service." + service + ".port");
    }

    String storefrontUrl() {
        return setting("storefront.url");
    }

    String kafkaBootstrap() {
        return setting("kafka.bootstrap");
    }

    String masterKey() {
        return setting("master-key").strip();
    }

    /**
     * Starts a service (its own copy of the packaged jar, the settings {@code ./stack up} gives it) and waits until
     * it is ready. Its log goes to {@code .stack/bench/logs/<service>.log}, appended to across restarts.
     */
    ServiceProcess start(String service) throws Exception {
        return start(service, List.of());
    }

    /** As {@link #start(String)}, with JVM options added after the usual ones (a later option wins). */
    ServiceProcess start(String service, List<String> extraJvmOptions) throws Exception {
        if (running.containsKey(service)) {
            throw new IllegalStateException(service + " runs already");
        }
        List<String> command = new ArrayList<>();
        command.add(setting("java"));
        command.addAll(Arrays.asList(setting("service-jvm-options").split(" ")));
        command.addAll(extraJvmOptions);
        command.add("-jar");
        command.add(setting("service." + service + ".jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of(setting("service." + service + ".workdir")).toFile());
        for (String line : Files.readAllLines(Path.of(setting("service." + service + ".env")))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                builder.environment().put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        Path log = Path.of(setting("logs"), service + ".log");
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long startNanos = System.nanoTime();
        Process process = builder.start();
        Files.writeString(Path.of(setting("service." + service + ".pid-file")), Long.toString(process.pid()));
        ServiceProcess started = new ServiceProcess(service, process, startNanos, log);
        running.put(service, started);
        waitReady(started);
        return started;
    }

    /** Starts every service not running yet (all four: an erasure or an access request needs them all). */
    void startAll() throws Exception {
        for (String service : services()) {
            if (!running.containsKey(service)) {
                start(service);
            }
        }
    }

    ServiceProcess process(String service) {
        ServiceProcess process = running.get(service);
        if (process == null) {
            throw new IllegalStateException(service + " does not run");
        }
        return process;
    }

    boolean isRunning(String service) {
        return running.containsKey(service);
    }

    /** Stops a service (SIGTERM, as an operator would, then waits for it to exit). */
    void stop(String service) throws Exception {
        ServiceProcess process = running.remove(service);
        if (process != null) {
            process.stop();
            Files.deleteIfExists(Path.of(setting("service." + service + ".pid-file")));
        }
    }

    void stopAll() throws Exception {
        for (String service : List.copyOf(running.keySet())) {
            stop(service);
        }
    }

    private void waitReady(ServiceProcess service) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url(service.name()) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!service.process().isAlive()) {
                running.remove(service.name());
                throw new IllegalStateException(service.name() + " exited while starting: see " + service.log());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    service.ready(System.nanoTime());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(service.name() + " was not ready within " + READY_TIMEOUT.toSeconds()
                + " s: see " + service.log());
    }

    // ------------------------------------------------------------------------------------------------ databases

    String databaseUrl(String service) {
        return "jdbc:postgresql://localhost:" + setting("db.port") + "/"
                + setting("service." + service + ".database");
    }

    /** A connection as the role the services run as. */
    Connection connect(String service) throws SQLException {
        return DriverManager.getConnection(databaseUrl(service), setting("db.user"), setting("db.password"));
    }

    /** A connection as the schema owner (may seed, truncate, write what the service role may not). */
    Connection connectAsOwner(String service) throws SQLException {
        return DriverManager.getConnection(databaseUrl(service), setting("owner.user"), setting("owner.password"));
    }

    /**
     * Drops and recreates a service's database (the service must be stopped), so its next start migrates an empty
     * one. Runs psql as the postgres superuser, as {@code ./stack} does (the bench runs as root).
     */
    void recreateDatabase(String service) throws Exception {
        if (running.containsKey(service)) {
            throw new IllegalStateException("Stop " + service + " before recreating its database");
        }
        String database = setting("service." + service + ".database");
        Process psql = new ProcessBuilder("runuser", "-u", "postgres", "--", "psql", "-p", setting("db.port"),
                "-v", "ON_ERROR_STOP=1", "-qAt",
                "-c", "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)",
                "-c", "CREATE DATABASE \"" + database + "\" OWNER \"" + setting("owner.user") + "\"")
                .redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("Recreating " + database + " failed: " + output);
        }
    }

    // ------------------------------------------------------------------------------------------------ tokens

    /**
     * A bearer token for a role, signed with the bench's dev key as {@code ./stack token} signs: valid for one hour
     * (the longest a service role's token may live), so long runs ask for a fresh one per phase.
     */
    String token(String role) {
        try {
            long now = Instant.now().getEpochSecond();
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = b64.encodeToString(("{\"iss\":\"" + setting("jwt.issuer") + "\",\"aud\":\"" + setting("jwt.audience")
                    + "\",\"upn\":\"bench-" + role
                    + "\",\"sub\":\"bench-" + role + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":"
                    + (now + 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signingKey);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    HttpClient http() {
        return http;
    }

    @Override
    public void close() throws Exception {
        stopAll();
    }
}
