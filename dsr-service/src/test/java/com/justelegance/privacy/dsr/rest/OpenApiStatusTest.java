package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.OpenApiProblemTests;
import com.justelegance.privacy.testing.OpenApiStatuses;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The OpenAPI document tells clients the truth: each of this service's operations documents exactly the success
 * statuses it really answers, found by calling it. It has no operation that creates anything yet; one added
 * without being called here fails this test until it is.
 */
@QuarkusTest
class OpenApiStatusTest extends OpenApiProblemTests {

    OpenApiStatusTest() {
        super(DsrProblem.class);
    }

    @Test
    void everyOperationOfTheServiceDocumentsTheSuccessStatusItAnswers() {
        Map<String, Set<Integer>> answered = new TreeMap<>();
        answered.put("GET /api/v1/deadlines", Set.of(given()
                .header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .when().get("/api/v1/deadlines?receivedOn=2026-01-05")
                .statusCode()));

        assertThat(answered.get("GET /api/v1/deadlines"), equalTo(Set.of(200)));
        assertThat(OpenApiStatuses.documented(operation -> !operation.contains(" /api/v1/audit-log")
                && !operation.endsWith(" /")), equalTo(answered));
    }
}
