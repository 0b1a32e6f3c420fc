package com.justelegance.privacy.retention;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.AtOnce;
import com.justelegance.privacy.testing.AuditTrail;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.justelegance.privacy.testing.AtOnce.oneWinner;
import static com.justelegance.privacy.testing.AtOnce.statuses;
import static com.justelegance.privacy.retention.RetentionApi.placeLegalHold;
import static com.justelegance.privacy.retention.RetentionEvents.newSubject;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every state change here is made by one caller only, however many ask at once: twenty officers releasing the same
 * hold, changing the same rule version or starting the purge together get one success and nineteen 409s, and the
 * database shows one change and one audit entry. (Receipts arriving together: the kit's ErasureReceiptsTest.)
 */
@QuarkusTest
class ConcurrentChangesTest {

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Test
    void twentyReleasesOfOneLegalHoldAtOnceReleaseItOnce() {
        String subject = newSubject();
        String holdId = placeLegalHold(subject);

        List<ExtractableResponse<Response>> answers = AtOnce.call(() -> asOfficer()
                .when().post("/api/v1/legal-holds/{hold}/release", holdId)
                .then().extract());

        assertThat(statuses(answers), equalTo(oneWinner(200)));
        AtOnce.assertConflicts(answers, "hold-already-released");
        assertThat(AuditTrail.entries("retention.legal-hold.released", subject, holdId), equalTo(1L));
        assertThat(count("SELECT count(*) FROM legal_hold WHERE id = CAST(:key AS uuid) AND version = 1", holdId),
                equalTo(1L));
    }

    @Test
    void twentyChangesOfTheSameRuleVersionAtOnceMakeOneNewVersion() {
        String category = "TEST_AT_ONCE_" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000);
        // Same terms as GENERAL, so no subject's due date moves while it exists.
        putRule(category, "Created for a test", 0).statusCode(201);
        try {
            List<ExtractableResponse<Response>> answers = AtOnce.call(() -> putRule(category, "Changed at once", 1)
                    .extract());

            assertThat(statuses(answers), equalTo(oneWinner(200)));
            AtOnce.assertConflicts(answers, "rule-version-conflict");
            given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                    .when().get("/api/v1/retention-rules/history?category={category}", category)
                    .then().statusCode(200)
                    .body("version", equalTo(List.of(2, 1)));
            assertThat(AuditTrail.entries("retention.rule.updated", null, category), equalTo(1L));
        } finally {
            asOfficer().when().delete("/api/v1/retention-rules/{category}", category).then().statusCode(204);
        }
    }

    @Test
    void twentyPurgeRunsAskedForAtOnceStartOneAndTheOthersAreToldOneIsInProgress() throws Exception {
        long runsBefore = count("SELECT count(*) FROM purge_run", null);
        long auditBefore = count("SELECT count(*) FROM audit_entry WHERE action = 'retention.purge.run'", null);
        List<CompletableFuture<ExtractableResponse<Response>>> calls;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // The run that gets going waits here, so it is still in progress while the other nineteen ask.
                lock.execute("LOCK TABLE purge_run IN EXCLUSIVE MODE");
                calls = AtOnce.start(() -> asOfficer().when().post("/api/v1/purge-runs").then().extract());
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> calls.stream().filter(CompletableFuture::isDone).count() == AtOnce.CALLS - 1);
            } finally {
                blocker.rollback();
                blocker.setAutoCommit(true);
            }
        }
        List<ExtractableResponse<Response>> answers = calls.stream().map(CompletableFuture::join).toList();

        assertThat(statuses(answers), equalTo(oneWinner(201)));
        AtOnce.assertConflicts(answers, "purge-run-in-progress");
        assertThat(count("SELECT count(*) FROM purge_run", null), equalTo(runsBefore + 1));
        assertThat(count("SELECT count(*) FROM purge_run WHERE status = 'RUNNING'", null), equalTo(0L));
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'retention.purge.run'", null),
                equalTo(auditBefore + 1));
    }

    private static RequestSpecification asOfficer() {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER)).contentType(ContentType.JSON);
    }

    private static ValidatableResponse putRule(String category, String reason, int expectedVersion) {
        return asOfficer()
                .body(Map.of("anchor", "LAST_CONTACT", "period", "P6Y", "action", "ERASE", "reason", reason,
                        "expectedVersion", expectedVersion))
                .when().put("/api/v1/retention-rules/{category}", category)
                .then();
    }

    private long count(String sql, String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            if (key != null) {
                query.setParameter("key", key);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
