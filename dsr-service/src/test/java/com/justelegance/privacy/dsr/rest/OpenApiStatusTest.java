package com.justelegance.privacy.dsr.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.dsr.certificate.CertificateFixtures;
import com.justelegance.privacy.dsr.certificate.ErasureCertificates;
import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.OpenApiProblemTests;
import com.justelegance.privacy.testing.OpenApiStatuses;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
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

    @Inject
    ErasureCertificates certificates;

    @Inject
    ObjectMapper mapper;

    OpenApiStatusTest() {
        super(DsrProblem.class);
    }

    @Test
    void everyOperationOfTheServiceDocumentsTheSuccessStatusItAnswers() throws JsonProcessingException {
        Map<String, Set<Integer>> answered = new TreeMap<>();
        answered.put("GET /api/v1/deadlines", Set.of(given()
                .header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .when().get("/api/v1/deadlines?receivedOn=2026-01-05")
                .statusCode()));

        answered.put("GET /api/v1/erasure-certificates/signing-keys", Set.of(given()
                .when().get("/api/v1/erasure-certificates/signing-keys")
                .statusCode()));
        answered.put("POST /api/v1/erasure-certificates/verification", Set.of(given()
                .contentType(ContentType.JSON)
                .body(signedCertificate())
                .when().post("/api/v1/erasure-certificates/verification")
                .statusCode()));

        assertThat(answered.get("GET /api/v1/deadlines"), equalTo(Set.of(200)));
        assertThat(OpenApiStatuses.documented(operation -> !operation.contains(" /api/v1/audit-log")
                && !operation.endsWith(" /")), equalTo(answered));
    }

    private String signedCertificate() throws JsonProcessingException {
        return mapper.writeValueAsString(certificates.sign(CertificateFixtures.certificate()));
    }
}
