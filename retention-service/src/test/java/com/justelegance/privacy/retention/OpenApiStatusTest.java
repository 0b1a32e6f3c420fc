package com.justelegance.privacy.retention;

import com.justelegance.privacy.kit.problem.RetentionProblem;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.OpenApiProblemTests;
import com.justelegance.privacy.testing.OpenApiStatuses;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static com.justelegance.privacy.retention.RetentionEvents.newSubject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The OpenAPI document tells clients the truth: every operation that changes something documents exactly the
 * success statuses the API really answers (201 for what it creates), found by calling each one.
 */
@QuarkusTest
class OpenApiStatusTest extends OpenApiProblemTests {

    OpenApiStatusTest() {
        super(RetentionProblem.class);
    }

    @Test
    void everyWriteOperationDocumentsTheSuccessStatusItAnswers() {
        Map<String, Set<Integer>> answered = new TreeMap<>();
        String subject = newSubject();

        String holdId = OpenApiStatuses.record(answered, "POST /api/v1/subjects/{subjectId}/legal-holds", asOfficer()
                .body("{\"reason\": \"LITIGATION\", \"reference\": \"LIT-2026-099\"}")
                .post("/api/v1/subjects/{subject}/legal-holds", subject)).path("holdId");
        OpenApiStatuses.record(answered, "POST /api/v1/legal-holds/{holdId}/release",
                asOfficer().post("/api/v1/legal-holds/{hold}/release", holdId));
        OpenApiStatuses.record(answered, "POST /api/v1/purge-runs", asOfficer().post("/api/v1/purge-runs"));
        String category = "TEST_OPENAPI_" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000);
        String rule = "{\"anchor\": \"LAST_CONTACT\", \"period\": \"P6Y\", \"action\": \"ERASE\", \"reason\": \"%s\"}";
        OpenApiStatuses.record(answered, "PUT /api/v1/retention-rules/{category}",
                asOfficer().body(rule.formatted("Created")).put("/api/v1/retention-rules/{c}", category));
        OpenApiStatuses.record(answered, "PUT /api/v1/retention-rules/{category}",
                asOfficer().body(rule.formatted("Changed")).put("/api/v1/retention-rules/{c}", category));
        OpenApiStatuses.record(answered, "DELETE /api/v1/retention-rules/{category}",
                asOfficer().delete("/api/v1/retention-rules/{c}", category));

        assertThat(answered.get("POST /api/v1/subjects/{subjectId}/legal-holds"), equalTo(Set.of(201)));
        assertThat(answered.get("POST /api/v1/purge-runs"), equalTo(Set.of(201)));
        assertThat(answered.get("PUT /api/v1/retention-rules/{category}"), equalTo(Set.of(200, 201)));
        OpenApiStatuses.recordKitWrites(answered);
        assertThat(OpenApiStatuses.documented(OpenApiStatuses.WRITES), equalTo(answered));
    }

    private static RequestSpecification asOfficer() {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER)).contentType(ContentType.JSON)
                .when();
    }
}
