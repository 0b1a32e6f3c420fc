package com.justelegance.privacy.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Points a service's {@code @QuarkusTest}s at the real test broker and the service's own test database, and
 * fails at once, saying what to run, when they are not there. Register it once per service module:
 *
 * <pre>
 * &#64;QuarkusTestResource(value = TestInfrastructure.class,
 *         initArgs = &#64;ResourceArg(name = TestInfrastructure.DATABASE, value = "consent_test"))
 * </pre>
 *
 * <p>Every test run starts from an empty schema (Flyway cleans and migrates at start), so no run sees another's
 * rows. The service connects as its runtime role and migrates as the schema's owner, as in production. Locations
 * and roles come from the environment {@code ./stack test} sets, with the defaults it uses;
 * {@code PRIVACY_TEST_DB_SUFFIX} appends to every database name, so two checkouts can test side by side.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** Init arg: the service's test database. */
    public static final String DATABASE = "database";
    /** What to tell the developer when the infrastructure is missing. */
    public static final String HOW_TO_START = "Run the tests through ./stack test, or start the test broker and "
            + "databases first with ./stack test-infra up.";

    private TestDatabase database;

    @Override
    public void init(Map<String, String> initArgs) {
        String base = initArgs.get(DATABASE);
        if (base == null) {
            throw new IllegalStateException("TestInfrastructure needs the init arg '" + DATABASE + "'");
        }
        database = TestDatabase.of(base);
    }

    @Override
    public Map<String, String> start() {
        String bootstrap = kafkaBootstrap();
        String jdbcUrl = database.jdbcUrl();
        String user = TestDatabase.user();
        String password = TestDatabase.password();
        String owner = TestDatabase.ownerUser();
        String ownerPassword = TestDatabase.ownerPassword();
        requireKafka(bootstrap);
        requireDatabase(jdbcUrl, user, password);
        requireDatabase(jdbcUrl, owner, ownerPassword);
        return Map.ofEntries(
                Map.entry("kafka.bootstrap.servers", bootstrap),
                Map.entry("quarkus.datasource.jdbc.url", jdbcUrl),
                // As in production: the service runs as its role, the migrations as the schema's owner.
                Map.entry("quarkus.datasource.username", user),
                Map.entry("quarkus.datasource.password", password),
                Map.entry("quarkus.flyway.username", owner),
                Map.entry("quarkus.flyway.password", ownerPassword),
                // Each run starts from an empty audit log, but the broker keeps earlier runs' anchors.
                Map.entry("privacy.kit.audit-anchors.chain-name", "test-run-" + UUID.randomUUID()),
                Map.entry("quarkus.flyway.clean-at-start", "true"),
                Map.entry("quarkus.flyway.clean-disabled", "false"),
                Map.entry("mp.jwt.verify.issuer", TestTokens.ISSUER),
                // Test-only master key; real ones come from the environment.
                Map.entry("privacy.kit.master-key", "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE="));
    }

    @Override
    public void stop() {
        // Nothing to stop: the broker and database belong to ./stack test.
    }

    /** The test broker's address, as tests and this resource see it. */
    public static String kafkaBootstrap() {
        return env("PRIVACY_TEST_KAFKA_BOOTSTRAP", "localhost:19092");
    }

    private static void requireKafka(String bootstrap) {
        String[] hostPort = bootstrap.split(",")[0].split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
        } catch (IOException e) {
            throw new IllegalStateException("The Kafka test broker at " + bootstrap + " is not running. "
                    + HOW_TO_START, e);
        }
    }

    private static void requireDatabase(String jdbcUrl, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, user, password)) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException("The test database " + jdbcUrl + " is not reachable as " + user + " ("
                    + e.getSQLState() + "). " + HOW_TO_START, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
