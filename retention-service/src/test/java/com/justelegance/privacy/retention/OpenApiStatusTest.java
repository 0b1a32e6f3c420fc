package com.justelegance.privacy.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static com.justelegance.privacy.retention.SampleEvents.newSubject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The OpenAPI document tells clients the truth: every operation that changes something documents exactly the
 * success statuses the API really answers (201 for what it creates), found by calling each one.
 */
@QuarkusTest
class OpenApiStatusTest {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    @Test
    void everyWriteOperationDocumentsTheSuccessStatusItAnswers() throws Exception {
        Map<String, Set<Integer>> answered = new TreeMap<>();
        String subject = newSubject();

        String holdId = record(answered, "POST /api/v1/subjects/{subjectId}/legal-holds", asOfficer()
                .body("{\"reason\": \"LITIGATION\", \"reference\": \"LIT-2026-099\"}")
                .post("/api/v1/subjects/{subject}/legal-holds", subject)).path("holdId");
        record(answered, "POST /api/v1/legal-holds/{holdId}/release",
                asOfficer().post("/api/v1/legal-holds/{hold}/release", holdId));
        record(answered, "POST /api/v1/purge-runs", asOfficer().post("/api/v1/purge-runs"));
        String category = "TEST_OPENAPI_" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000);
        String rule = "{\"anchor\": \"LAST_CONTACT\", \"period\": \"P6Y\", \"action\": \"ERASE\", \"reason\": \"%s\"}";
        record(answered, "PUT /api/v1/retention-rules/{category}",
                asOfficer().body(rule.formatted("Created")).put("/api/v1/retention-rules/{c}", category));
        record(answered, "PUT /api/v1/retention-rules/{category}",
                asOfficer().body(rule.formatted("Changed")).put("/api/v1/retention-rules/{c}", category));
        record(answered, "DELETE /api/v1/retention-rules/{category}",
                asOfficer().delete("/api/v1/retention-rules/{c}", category));

        assertThat(answered.get("POST /api/v1/subjects/{subjectId}/legal-holds"), equalTo(Set.of(201)));
        assertThat(answered.get("POST /api/v1/purge-runs"), equalTo(Set.of(201)));
        assertThat(answered.get("PUT /api/v1/retention-rules/{category}"), equalTo(Set.of(200, 201)));
        assertThat(documentedWriteSuccesses(), equalTo(answered));
    }

    private static Response record(Map<String, Set<Integer>> answered, String operation, Response response) {
        answered.computeIfAbsent(operation, key -> new TreeSet<>()).add(response.statusCode());
        return response;
    }

    /** Every write operation in the document, with the 2xx statuses it documents. */
    private static Map<String, Set<Integer>> documentedWriteSuccesses() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        Map<String, Set<Integer>> documented = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (WRITES.contains(operation.getKey())) {
                Set<Integer> successes = new TreeSet<>();
                operation.getValue().path("responses").fieldNames().forEachRemaining(code -> {
                    if (code.startsWith("2")) {
                        successes.add(Integer.parseInt(code));
                    }
                });
                documented.put(operation.getKey().toUpperCase() + " " + path.getKey(), successes);
            }
        }));
        return documented;
    }

    private static RequestSpecification asOfficer() {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER)).contentType(ContentType.JSON)
                .when();
    }
}
