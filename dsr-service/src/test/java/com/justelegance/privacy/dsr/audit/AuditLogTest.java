package com.justelegance.privacy.dsr.audit;

import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The audit log every service shares (service-kit): entries name subjects only by keyed hash, cannot be changed
 * or deleted through SQL, and any alteration made around that guard is found by verifying the chain.
 */
@QuarkusTest
class AuditLogTest {

    @Inject
    AuditLog auditLog;

    @Inject
    EntityManager entityManager;

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
    void entriesCannotBeChangedAndAChangeMadeAroundTheGuardIsDetected() {
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

        // The table's owner can switch the guard off; the chain still tells.
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

    private void rewriteDetailsAroundTheGuard(long id, String details) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update")
                    .executeUpdate();
            entityManager.createNativeQuery("UPDATE audit_entry SET details = :details WHERE id = :id")
                    .setParameter("details", details).setParameter("id", id).executeUpdate();
            entityManager.createNativeQuery("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update")
                    .executeUpdate();
        });
    }
}
