package com.justelegance.privacy.kit.audit;

import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.ConsumerLag;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The audit log every service shares (service-kit): entries name subjects only by keyed hash; the service's own
 * database role can only add to and read the entries and their chain; entries are chained after their transaction
 * ends, a late commit included; an alteration or removal of a sealed entry made around that guard by the table's
 * owner is found by verifying the chain, and removing the newest entries by comparing it with the anchors kept on
 * the broker.
 */
@QuarkusTest
class AuditLogTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** Sealing waits for every older transaction of the database cluster, which other test runs share. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    AuditLog auditLog;

    @Inject
    AuditSealer sealer;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String serviceUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String servicePassword;

    @ConfigProperty(name = "quarkus.flyway.username")
    String ownerUser;

    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    @Test
    void entriesAreChainedAndNameTheSubjectOnlyByKeyedHash() {
        String subject = "cust-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            auditLog.record("test.subject.read", subject, Map.of("records", 3));
            auditLog.recordEach("test.audience.upload", List.of(subject, "cust-" + UUID.randomUUID()),
                    Map.of("allowed", 2));
        });
        awaitAllSealed();

        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .queryParam("subjectId", subject)
                .when().get("/api/v1/audit-log")
                .then().statusCode(200)
                .body("action", equalTo(List.of("test.audience.upload", "test.subject.read")))
                .body("subjectRef", everyItem(not(containsString(subject))))
                .body("subjectRef", hasSize(2))
                .body("sealed", everyItem(equalTo(true)))
                .body("hash", everyItem(notNullValue()));
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/audit-log/verification")
                .then().statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void anEntryOfATransactionStillRunningIsListedUnsealedAndChainedOnceItCommitsEvenLate() throws SQLException {
        String early = "cust-" + UUID.randomUUID();
        String later = "cust-" + UUID.randomUUID();
        try (Connection running = DriverManager.getConnection(jdbcUrl, serviceUser, servicePassword)) {
            // A transaction that starts first, appends an entry as the service would, and commits last.
            running.setAutoCommit(false);
            try (PreparedStatement insert = running.prepareStatement("""
                    INSERT INTO audit_entry (occurred_at, actor, action, subject_ref, details)
                    VALUES (?, 'test', 'test.committed.late', NULL, ?)""")) {
                insert.setTimestamp(1, Timestamp.from(Instant.now()));
                insert.setString(2, "{\"subject\":\"" + early + "\"}");
                insert.executeUpdate();
            }
            QuarkusTransaction.requiringNew().run(() -> auditLog.record("test.committed.first", later, Map.of()));

            // The later transaction has committed, but an older one is still running: nothing after it is chained.
            sealer.sealCommitted();
            given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                    .queryParam("subjectId", later)
                    .when().get("/api/v1/audit-log")
                    .then().statusCode(200)
                    .body("action", equalTo(List.of("test.committed.first")))
                    .body("sealed", contains(false))
                    .body("hash", contains(nullValue()));
            given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                    .when().get("/api/v1/audit-log/verification")
                    .then().statusCode(200)
                    .body("intact", equalTo(true))
                    .body("entriesNotSealed", greaterThanOrEqualTo(1));

            running.commit();
        }
        awaitAllSealed();
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .queryParam("subjectId", later)
                .when().get("/api/v1/audit-log")
                .then().statusCode(200)
                .body("sealed", contains(true));
        // Chained in transaction order: the late commit's entry comes first, it is not skipped.
        assertThat(position("test.committed.late", early), lessThan(position("test.committed.first", null)));
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/audit-log/verification")
                .then().statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void entriesCannotBeChangedAndAChangeOrRemovalMadeAroundTheGuardIsDetected() throws SQLException {
        QuarkusTransaction.requiringNew().run(() -> auditLog.record("test.before", null, Map.of()));
        long id = QuarkusTransaction.requiringNew().call(() -> {
            auditLog.record("test.altered.later", "cust-" + UUID.randomUUID(), Map.of("records", 1));
            return ((Number) entityManager.createNativeQuery("SELECT max(id) FROM audit_entry").getSingleResult())
                    .longValue();
        });
        QuarkusTransaction.requiringNew().run(() -> auditLog.record("test.after", null, Map.of()));
        awaitAllSealed();

        for (String table : List.of("audit_entry", "audit_seal")) {
            String column = table.equals("audit_entry") ? "id" : "entry_id";
            assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("UPDATE " + table + " SET hash = 'test' WHERE " + column + " = :id")
                    .setParameter("id", id).executeUpdate()), table);
            assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("DELETE FROM " + table + " WHERE " + column + " = :id")
                    .setParameter("id", id).executeUpdate()), table);
        }

        // The tables' owner (not the service) can switch the guard off; the chain still tells.
        rewriteDetailsAroundTheGuard(id, "{\"records\":0}");
        expectBrokenAt(id);
        rewriteDetailsAroundTheGuard(id, "{\"records\":1}");
        expectIntact();

        // Removing a sealed entry from the middle of the chain...
        try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            statement.execute("CREATE TEMP TABLE removed_entry ON COMMIT PRESERVE ROWS AS "
                    + "SELECT * FROM audit_entry WHERE id = " + id);
            statement.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update");
            statement.execute("DELETE FROM audit_entry WHERE id = " + id);
            statement.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update");
            owner.commit();
            expectBrokenAt(id);

            // ...and its link with it.
            statement.execute("CREATE TEMP TABLE removed_link ON COMMIT PRESERVE ROWS AS "
                    + "SELECT * FROM audit_seal WHERE entry_id = " + id);
            statement.execute("ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_no_update");
            statement.execute("DELETE FROM audit_seal WHERE entry_id = " + id);
            statement.execute("ALTER TABLE audit_seal ENABLE TRIGGER audit_seal_no_update");
            owner.commit();
            given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                    .when().get("/api/v1/audit-log/verification")
                    .then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("finding", equalTo("ENTRY_ALTERED"));

            statement.execute("INSERT INTO audit_entry SELECT * FROM removed_entry");
            statement.execute("INSERT INTO audit_seal SELECT * FROM removed_link");
            owner.commit();
        }
        expectIntact();
    }

    @Test
    void theServiceRoleCanOnlyAddToAndReadTheAuditLog() throws SQLException {
        // A subject of its own: the kit's test application audits erasures arriving meanwhile.
        String subject = "cust-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> auditLog.record("test.as.service.role", subject, Map.of()));
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .queryParam("subjectId", subject)
                .when().get("/api/v1/audit-log")
                .then().statusCode(200)
                .body("action", equalTo(List.of("test.as.service.role")));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : List.of("UPDATE audit_entry SET action = 'test.innocent'",
                    "DELETE FROM audit_entry",
                    "TRUNCATE audit_entry",
                    "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
                    "UPDATE audit_seal SET hash = 'test'",
                    "DELETE FROM audit_seal",
                    "TRUNCATE audit_seal",
                    "ALTER TABLE audit_seal DISABLE TRIGGER ALL")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertThat(sql, refused.getSQLState(), equalTo(INSUFFICIENT_PRIVILEGE));
            }
        }
    }

    @Test
    void removingTheNewestEntriesIsDetectedAgainstTheAnchors() throws SQLException {
        // The test application audits every erasure request on the broker: let it finish those that are there, so
        // that the newest entries are this test's.
        ConsumerLag.awaitCaughtUp("kit-test", List.of(Topics.ERASURE_REQUESTS));
        QuarkusTransaction.requiringNew().run(() -> {
            auditLog.record("test.anchored.first", null, Map.of());
            auditLog.record("test.anchored.second", "cust-" + UUID.randomUUID(), Map.of("records", 2));
            auditLog.record("test.anchored.third", null, Map.of());
        });
        awaitAllSealed();
        long entries = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM audit_entry").getSingleResult()).longValue());
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().post("/api/v1/audit-log/anchors")
                .then().statusCode(200)
                .body("count", equalTo((int) entries));
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/audit-log/verification")
                .then().statusCode(200)
                .body("intact", equalTo(true))
                .body("entriesChecked", equalTo((int) entries))
                .body("anchorsChecked", greaterThanOrEqualTo(1));

        // Whoever owns the tables can remove the newest entries and their links without breaking the chain that
        // remains (in one transaction, so the sealer never sees the entries without their links)...
        try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            statement.execute("CREATE TEMP TABLE removed_links ON COMMIT PRESERVE ROWS AS "
                    + "SELECT * FROM audit_seal ORDER BY position DESC LIMIT 2");
            statement.execute("CREATE TEMP TABLE removed ON COMMIT PRESERVE ROWS AS "
                    + "SELECT * FROM audit_entry WHERE id IN (SELECT entry_id FROM removed_links)");
            statement.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update");
            statement.execute("ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_no_update");
            statement.execute("DELETE FROM audit_seal WHERE position IN (SELECT position FROM removed_links)");
            statement.execute("DELETE FROM audit_entry WHERE id IN (SELECT id FROM removed)");
            statement.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update");
            statement.execute("ALTER TABLE audit_seal ENABLE TRIGGER audit_seal_no_update");
            owner.commit();

            // ...but not the anchor that counted them.
            given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                    .when().get("/api/v1/audit-log/verification")
                    .then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("finding", equalTo("TRUNCATED"))
                    .body("entriesChecked", equalTo((int) entries - 2));

            statement.execute("INSERT INTO audit_entry SELECT * FROM removed");
            statement.execute("INSERT INTO audit_seal SELECT * FROM removed_links");
            owner.commit();
        }
        expectIntact();
    }

    /** Seals until no entry is left unsealed; other transactions of the shared database cluster may delay it. */
    private void awaitAllSealed() {
        await().atMost(PATIENCE).until(() -> {
            sealer.sealCommitted();
            return QuarkusTransaction.requiringNew().call(auditLog::unsealed) == 0;
        });
    }

    private long position(String action, String mentioning) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                SELECT s.position FROM audit_seal s JOIN audit_entry e ON e.id = s.entry_id
                WHERE e.action = ? AND position(? in e.details) > 0""")) {
            select.setString(1, action);
            select.setString(2, mentioning == null ? "" : mentioning);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void expectBrokenAt(long id) {
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/audit-log/verification")
                .then().statusCode(200)
                .body("intact", equalTo(false))
                .body("finding", equalTo("ENTRY_ALTERED"))
                .body("firstBrokenEntryId", equalTo((int) id));
    }

    private void expectIntact() {
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/audit-log/verification")
                .then().statusCode(200)
                .body("intact", equalTo(true));
    }

    /** Tampering as the table's owner (the role migrations run as), which the service itself is not. */
    private void rewriteDetailsAroundTheGuard(long id, String details) throws SQLException {
        try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update");
            statement.execute("UPDATE audit_entry SET details = '" + details + "' WHERE id = " + id);
            statement.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update");
        }
    }

    private Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword);
    }
}
