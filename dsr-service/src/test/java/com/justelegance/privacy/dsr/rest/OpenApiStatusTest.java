package com.justelegance.privacy.dsr.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.justelegance.privacy.dsr.DsrApi;
import com.justelegance.privacy.dsr.SentLetters;
import com.justelegance.privacy.dsr.certificate.CertificateFixtures;
import com.justelegance.privacy.dsr.certificate.ErasureCertificates;
import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.InjectMailServer;
import com.justelegance.privacy.testing.OpenApiProblemTests;
import com.justelegance.privacy.testing.OpenApiStatuses;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The OpenAPI document tells clients the truth: every operation that changes something documents exactly the
 * success statuses the API really answers (201 for a new case), found by calling each one on a fresh case.
 */
@QuarkusTest
class OpenApiStatusTest extends OpenApiProblemTests {

    @Inject
    ErasureCertificates certificates;

    @Inject
    ObjectMapper mapper;

    @InjectMailServer
    GreenMail mailServer;

    OpenApiStatusTest() {
        super(DsrProblem.class);
    }

    private static String resolvedCase(String type) {
        return DsrApi.openCase(type, "openapi." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
    }

    @Test
    void everyWriteOperationDocumentsTheSuccessStatusItAnswers() throws JsonProcessingException {
        Map<String, Set<Integer>> answered = new TreeMap<>();
        OpenApiStatuses.record(answered, "POST /api/v1/requests", asOfficer()
                .body(DsrApi.newCase("ACCESS", "openapi." + UUID.randomUUID() + "@example.com", null))
                .post("/api/v1/requests"));
        Map<String, String> steps = Map.ofEntries(
                Map.entry("classification", "{\"type\": \"ERASURE\"}"),
                Map.entry("assignment", "{\"assignee\": \"agent-7\"}"),
                Map.entry("subject", "{\"subjectId\": \"" + DsrApi.newSubject() + "\"}"),
                Map.entry("identity-request", "{}"),
                Map.entry("subject-resolution", "{}"),
                Map.entry("identity-checks", "{\"method\": \"DOCUMENT\", \"outcome\": \"VERIFIED\"}"),
                Map.entry("clarification-request", "{\"question\": \"Which account?\"}"),
                Map.entry("extension", "{\"reason\": \"Complex\"}"),
                Map.entry("refusal", "{\"reason\": \"NO_DATA_HELD\", \"explanation\": \"Not a customer\"}"),
                Map.entry("withdrawal", "{}"),
                Map.entry("comments", "{\"text\": \"Called back\"}"),
                Map.entry("completion", "{}"));
        steps.forEach((step, body) -> OpenApiStatuses.record(answered, "POST /api/v1/requests/{id}/" + step,
                asOfficer().body(body).post("/api/v1/requests/{id}/" + step, freshCase())));
        String waiting = freshCase();
        asOfficer().body("{\"question\": \"Which?\"}").post("/api/v1/requests/{id}/clarification-request", waiting)
                .then().statusCode(200);
        OpenApiStatuses.record(answered, "POST /api/v1/requests/{id}/clarification",
                asOfficer().body("{}").post("/api/v1/requests/{id}/clarification", waiting));

        String email = "openapi.code." + UUID.randomUUID() + "@example.com";
        String proving = DsrApi.openCase("ACCESS", email, null);
        asOfficer().post("/api/v1/requests/{id}/identity-request", proving).then().statusCode(200);
        OpenApiStatuses.record(answered, "POST /api/v1/requests/{id}/identity-code", asOfficer()
                .body("{\"code\": \"" + SentLetters.codeSentTo(mailServer, email) + "\"}")
                .post("/api/v1/requests/{id}/identity-code", proving));
        OpenApiStatuses.record(answered, "POST /api/v1/requests/{id}/rectification", asOfficer()
                .body("{\"categories\": [\"PHONE\"], \"corrections\": \"07700 900321\"}")
                .post("/api/v1/requests/{id}/rectification", DsrApi.openCase("RECTIFICATION", "openapi."
                        + UUID.randomUUID() + "@example.com", "\"subjectId\": \"" + DsrApi.newSubject() + "\"")));
        OpenApiStatuses.record(answered, "POST /api/v1/requests/{id}/erasure", asOfficer().post(
                "/api/v1/requests/{id}/erasure", DsrApi.openCase("ERASURE", "openapi." + UUID.randomUUID()
                        + "@example.com", "\"subjectId\": \"" + DsrApi.newSubject() + "\"")));
        String restriction = resolvedCase("RESTRICTION");
        OpenApiStatuses.record(answered, "POST /api/v1/requests/{id}/restriction",
                asOfficer().body("{}").post("/api/v1/requests/{id}/restriction", restriction));
        OpenApiStatuses.record(answered, "POST /api/v1/requests/{id}/restriction/lift",
                asOfficer().body("{\"reason\": \"Resolved\"}").post("/api/v1/requests/{id}/restriction/lift",
                        restriction));
        OpenApiStatuses.record(answered, "POST /api/v1/requests/{id}/marketing-objection",
                asOfficer().post("/api/v1/requests/{id}/marketing-objection", resolvedCase("OBJECTION")));
        OpenApiStatuses.record(answered, "POST /api/v1/requests/{id}/consent-withdrawal",
                asOfficer().body("{}").post("/api/v1/requests/{id}/consent-withdrawal",
                        resolvedCase("CONSENT_WITHDRAWAL")));
        String accessCase = DsrApi.openCase("ACCESS", "openapi." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
        asOfficer().body("{\"method\": \"DOCUMENT\", \"outcome\": \"VERIFIED\"}")
                .post("/api/v1/requests/{id}/identity-checks", accessCase).then().statusCode(200);
        OpenApiStatuses.record(answered, "POST /api/v1/requests/{id}/access-package",
                asOfficer().post("/api/v1/requests/{id}/access-package", accessCase));
        OpenApiStatuses.record(answered, "POST /api/v1/requests/search",
                asOfficer().body("{\"email\": \"openapi." + UUID.randomUUID() + "@example.com\"}")
                        .post("/api/v1/requests/search"));
        String reviewed = DsrApi.openCase("ACCESS", "openapi." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
        asOfficer().body("{\"method\": \"DOCUMENT\", \"outcome\": \"VERIFIED\"}")
                .post("/api/v1/requests/{id}/identity-checks", reviewed).then().statusCode(200);
        asOfficer().post("/api/v1/requests/{id}/access-package?release=false", reviewed).then().statusCode(200);
        OpenApiStatuses.record(answered, "POST /api/v1/requests/{id}/access-package/release",
                asOfficer().post("/api/v1/requests/{id}/access-package/release", reviewed));
        OpenApiStatuses.record(answered, "POST /api/v1/erasure-certificates/verification", given()
                .contentType(ContentType.JSON)
                .body(mapper.writeValueAsString(certificates.sign(CertificateFixtures.certificate())))
                .when().post("/api/v1/erasure-certificates/verification"));

        String centre = TestTokens.bearer(Roles.PRIVACY_CENTRE);
        String shopper = "openapi." + UUID.randomUUID() + "@example.com";
        io.restassured.response.Response shopperRequest = OpenApiStatuses.record(answered,
                "POST /api/v1/privacy-centre/requests", given().header("Authorization", centre)
                        .contentType(ContentType.JSON)
                        .body("{\"type\": \"ACCESS\", \"email\": \"" + shopper + "\"}")
                        .post("/api/v1/privacy-centre/requests"));
        OpenApiStatuses.record(answered, "POST /api/v1/privacy-centre/requests/{id}/identity-code", given()
                .header("Authorization", centre).contentType(ContentType.JSON)
                .body("{\"code\": \"" + SentLetters.codeSentTo(mailServer, shopper) + "\"}")
                .post("/api/v1/privacy-centre/requests/{id}/identity-code", shopperRequest.jsonPath().getString("id")));
        String x = UUID.randomUUID().toString();
        OpenApiStatuses.record(answered, "POST /api/v1/privacy-centre/sign-in-codes", given()
                .header("Authorization", centre).contentType(ContentType.JSON)
                .body("{\"email\": \"match." + x + "@example.com\"}")
                .post("/api/v1/privacy-centre/sign-in-codes"));
        String signInCode = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(
                () -> SentLetters.to(mailServer, "shop-" + x + "@shop.example.com").stream().findFirst()
                        .map(letter -> letter.replaceAll("(?s).*\\n\\s+([0-9]{6})\\s*\\n.*", "$1")).orElse(null),
                java.util.Objects::nonNull);
        OpenApiStatuses.record(answered, "POST /api/v1/privacy-centre/sign-ins", given()
                .header("Authorization", centre).contentType(ContentType.JSON)
                .body("{\"email\": \"match." + x + "@example.com\", \"code\": \"" + signInCode + "\"}")
                .post("/api/v1/privacy-centre/sign-ins"));

        assertThat(answered.get("POST /api/v1/requests"), equalTo(Set.of(201)));
        OpenApiStatuses.recordKitWrites(answered);
        assertThat(OpenApiStatuses.documented(OpenApiStatuses.WRITES), equalTo(answered));
    }

    private static String freshCase() {
        return DsrApi.openCase("ACCESS", "openapi." + UUID.randomUUID() + "@example.com", null);
    }

    private static RequestSpecification asOfficer() {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER)).contentType(ContentType.JSON)
                .when();
    }
}
