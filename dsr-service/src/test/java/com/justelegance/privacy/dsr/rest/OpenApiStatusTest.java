package com.justelegance.privacy.dsr.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The OpenAPI document tells clients the truth: each of this service's operations documents exactly the success
 * statuses it really answers, found by calling it. It has no operation that creates anything yet; one added
 * without being called here fails this test until it is.
 */
@QuarkusTest
class OpenApiStatusTest {

    @Test
    void everyOperationOfTheServiceDocumentsTheSuccessStatusItAnswers() throws Exception {
        Map<String, Set<Integer>> answered = new TreeMap<>();
        answered.put("GET /api/v1/deadlines", Set.of(given()
                .header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .when().get("/api/v1/deadlines?receivedOn=2026-01-05")
                .statusCode()));

        assertThat(answered.get("GET /api/v1/deadlines"), equalTo(Set.of(200)));
        assertThat(documentedSuccesses(), equalTo(answered));
    }

    /** The document's operations, leaving out those every service shares (service index, audit log). */
    private static Map<String, Set<Integer>> documentedSuccesses() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        Map<String, Set<Integer>> documented = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!path.getKey().startsWith("/api/v1/audit-log") && !path.getKey().equals("/")) {
                Set<Integer> successes = new TreeSet<>();
                operation.getValue().path("responses").fieldNames().forEachRemaining(status -> {
                    if (status.startsWith("2")) {
                        successes.add(Integer.parseInt(status));
                    }
                });
                documented.put(operation.getKey().toUpperCase() + " " + path.getKey(), successes);
            }
        }));
        return documented;
    }
}
