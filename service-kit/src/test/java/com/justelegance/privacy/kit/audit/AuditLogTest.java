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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The audit log every service shares (service-kit): entries name subjects only by keyed hash; the service's own
 * database role can only add to and read it; an alteration made around that guard by the table's owner is found by
 * verifying the chain, and removing the newest entries by comparing it with the anchors kept on the broker.
 */
@QuarkusTest
class AuditLogTest {

    @Inject
    AuditLog auditLog;

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

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

        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .queryParam("subjectId", subject)
                .when().get("/api/v1/audit-log")
                .then().statusCode(200)
                .body("action", equalTo(List.of("test.audience.upload", "test.subject.read")))
                .body("subjectRef", everyItem(not(containsString(subject))))
                .body("subjectRef", hasSize(2));
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/audit-log/verification")
                .then().statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void entriesCannotBeChangedAndAChangeMadeAroundTheGuardIsDetected() throws SQLException {
        QuarkusTransaction.requiringNew().run(() -> auditLog.record("test.before", null, Map.of()));
        long id = QuarkusTransaction.requiringNew().call(() -> {
            auditLog.record("test.altered.later", "cust-" + UUID.randomUUID(), Map.of("records", 1));
            return ((Number) entityManager.createNativeQuery("SELECT max(id) FROM audit_entry").getSingleResult())
                    .longValue();
        });
        QuarkusTransaction.requiringNew().run(() -> auditLog.record("test.after", null, Map.of()));

        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE audit_entry SET action = 'test.innocent' WHERE id = :id")
                .setParameter("id", id).executeUpdate()));
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM audit_entry WHERE id = :id")
                .setParameter("id", id).executeUpdate()));

        // The table's owner (not the service) can switch the guard off; the chain still tells.
        rewriteDetailsAroundTheGuard(id, "{\"records\":0}");
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/audit-log/verification")
                .then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBrokenEntryId", equalTo((int) id));

        rewriteDetailsAroundTheGuard(id, "{\"records\":1}");
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/audit-log/verification")
                .then().statusCode(200)
                .body("intact", equalTo(true));
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
                    "ALTER TABLE audit_entry DISABLE TRIGGER ALL")) {
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

        // Whoever owns the table can remove the newest entries without breaking the chain that remains...
        try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("CREATE TEMP TABLE removed AS SELECT * FROM audit_entry ORDER BY id DESC LIMIT 2");
            statement.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update");
            statement.execute("DELETE FROM audit_entry WHERE id IN (SELECT id FROM removed)");
            statement.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update");

            // ...but not the anchor that counted them.
            given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                    .when().get("/api/v1/audit-log/verification")
                    .then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("finding", equalTo("TRUNCATED"))
                    .body("entriesChecked", equalTo((int) entries - 2));

            statement.execute("INSERT INTO audit_entry SELECT * FROM removed");
        }
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
