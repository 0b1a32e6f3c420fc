package com.justelegance.privacy.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

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
import java.util.HashMap;
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
    /** Instance n of a service listens on the service's port plus this times (n - 1). */
    static final int INSTANCE_PORT_STEP = 20;

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

    /** The base URL of a running service, or of one instance of it ({@code <service>#n}). */
    String url(String service) {
        return "http://localhost:" + port(service);
    }

    String storefrontUrl() {
        return setting("storefront.url");
    }

    String kafkaBootstrap() {
        return setting("kafka.bootstrap");
    }

    /**
     * A producer as the storefront's: {@code acks=all}, idempotent, keys and values as strings (the shared-events
     * envelope as {@code EventCodec} writes it), with a benchmark's own settings added.
     */
    static KafkaProducer<String, String> storefrontProducer(String bootstrap, String clientId,
                                                           Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        config.putAll(settings);
        return new KafkaProducer<>(config);
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
        return start(service, 1, extraJvmOptions);
    }

    /**
     * Starts one instance of a service: the first is named and reached as the service itself, instance n as
     * {@code <service>#n} on the service's port plus {@value #INSTANCE_PORT_STEP} per instance after the first, on
     * the same database and broker (the fault runs' scale-out: consumer groups share the partitions, the outbox
     * relays and the purge job share the rows).
     */
    ServiceProcess start(String service, int instance, List<String> extraJvmOptions) throws Exception {
        String name = instanceName(service, instance);
        if (running.containsKey(name)) {
            throw new IllegalStateException(name + " runs already");
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
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port(name)));
        Path log = Path.of(setting("logs"), name.replace('#', '-') + ".log");
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long startNanos = System.nanoTime();
        Process process = builder.start();
        Files.writeString(pidFile(name), Long.toString(process.pid()));
        ServiceProcess started = new ServiceProcess(name, process, startNanos, log);
        running.put(name, started);
        waitReady(started);
        return started;
    }

    /** Starts a service instance by its name: {@code <service>} or {@code <service>#n}. */
    ServiceProcess startInstance(String name) throws Exception {
        int hash = name.indexOf('#');
        return start(serviceOf(name), hash < 0 ? 1 : Integer.parseInt(name.substring(hash + 1)), List.of());
    }

    static String instanceName(String service, int instance) {
        return instance == 1 ? service : service + "#" + instance;
    }

    private static String serviceOf(String name) {
        int hash = name.indexOf('#');
        return hash < 0 ? name : name.substring(0, hash);
    }

    private int port(String name) {
        int hash = name.indexOf('#');
        int instance = hash < 0 ? 1 : Integer.parseInt(name.substring(hash + 1));
        return Integer.parseInt(setting("service." + serviceOf(name) + ".port")) + (instance - 1) * INSTANCE_PORT_STEP;
    }

    private Path pidFile(String name) {
        Path first = Path.of(setting("service." + serviceOf(name) + ".pid-file"));
        return name.equals(serviceOf(name)) ? first
                : first.resolveSibling(name.replace('#', '-') + ".pid");
    }

    /** Starts a service unless it runs already (a benchmark before may have left it running). */
    void ensureRunning(String service) throws Exception {
        if (!running.containsKey(service)) {
            start(service);
        }
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
            Files.deleteIfExists(pidFile(service));
        }
    }

    /** Kills a service or an instance of it at once ({@code kill -9}), as a crash or the OOM killer would. */
    void kill(String name) throws Exception {
        ServiceProcess process = running.remove(name);
        if (process != null) {
            process.process().destroyForcibly().waitFor();
            Files.deleteIfExists(pidFile(name));
        }
    }

    /** Sends a signal to a running service (STOP freezes it, CONT lets it go on). */
    void signal(String name, String signal) throws Exception {
        run("kill", "-" + signal, Long.toString(process(name).pid()));
    }

    /** Every instance running now, by name. */
    List<String> runningNames() {
        return List.copyOf(running.keySet());
    }

    void stopAll() throws Exception {
        for (String service : List.copyOf(running.keySet())) {
            stop(service);
        }
    }

    /** Whether a running service answers its readiness check with 200 now (UP: its database and broker reached). */
    boolean isReady(String name) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(name) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException notListening) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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

    // ------------------------------------------------------------------------------------------------ faults

    /**
     * Kills the broker at once ({@code kill -9}): what is not yet on its disk is as a crash leaves it. Only the fault
     * runs' stack says where its broker is ({@code kafka.pid-file}).
     */
    void killBroker() throws Exception {
        Path pidFile = Path.of(setting("kafka.pid-file"));
        String pid = Files.readString(pidFile).strip();
        run("kill", "-9", pid);
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(handle -> handle.onExit().join());
    }

    /**
     * Starts the broker again on its data, as {@code ./stack} started it (the same command, appending to its log),
     * and waits until it accepts connections.
     */
    void startBroker() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(setting("java"));
        command.addAll(Arrays.asList(setting("kafka.jvm-options").split(" ")));
        command.addAll(List.of("-Dlog4j2.configurationFile=" + setting("kafka.log4j"), "-cp",
                setting("kafka.classpath"), "kafka.Kafka", setting("kafka.server-properties")));
        Process broker = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(setting("kafka.log")).toFile())).start();
        Files.writeString(Path.of(setting("kafka.pid-file")), Long.toString(broker.pid()));
        int port = Integer.parseInt(kafkaBootstrap().substring(kafkaBootstrap().lastIndexOf(':') + 1));
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try (java.net.Socket ignored = new java.net.Socket("localhost", port)) {
                return;
            } catch (IOException notYet) {
                if (!broker.isAlive()) {
                    throw new IllegalStateException("The broker exited while starting: see " + setting("kafka.log"));
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The broker did not listen within " + READY_TIMEOUT.toSeconds() + " s");
    }

    /**
     * Stops PostgreSQL immediately ({@code pg_ctl stop -m immediate}: no checkpoint, every connection cut, as a
     * power cut leaves it). Only the fault runs' own cluster ({@code postgres.data-dir}) is ever stopped.
     */
    void stopPostgresImmediately() throws Exception {
        runAsPostgres("pg_ctl", "-D", setting("postgres.data-dir"), "-m", "immediate", "-w", "stop");
    }

    /** Starts the fault runs' cluster again (crash recovery replays its WAL) and waits until it accepts connections. */
    void startPostgres() throws Exception {
        runAsPostgres("pg_ctl", "-D", setting("postgres.data-dir"), "-l", setting("postgres.log"),
                "-o", setting("postgres.options"), "-w", "start");
    }

    private void runAsPostgres(String program, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("runuser", "-u", "postgres", "--",
                Path.of(setting("postgres.bin"), program).toString()));
        command.addAll(List.of(arguments));
        run(command.toArray(String[]::new));
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
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
