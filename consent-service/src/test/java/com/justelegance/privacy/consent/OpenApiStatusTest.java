package com.justelegance.privacy.consent;

import com.justelegance.privacy.kit.problem.ConsentProblem;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.OpenApiProblemTests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The OpenAPI document is what clients are generated from: every operation that writes documents the success
 * statuses it really answers with. Each call below is made for real, and the statuses seen must be exactly the
 * 2xx statuses the document lists for that operation.
 */
@QuarkusTest
class OpenApiStatusTest extends OpenApiProblemTests {

    OpenApiStatusTest() {
        super(ConsentProblem.class);
    }

    private final Map<String, Set<String>> seen = new TreeMap<>();

    @Test
    void everyWritingOperationDocumentsTheStatusesItAnswersWith() {
        String version = "oas-" + UUID.randomUUID().toString().substring(0, 8);
        call("POST", "/api/v1/policy-versions", as(Roles.PRIVACY_OFFICER).body("""
                {"version": "%s", "effectiveFrom": "2026-11-02", "significant": false, "wordingHash": "%s",
                 "url": "https://www.justelegance.com/privacy-policy/"}""".formatted(version, "0".repeat(64))),
                "/api/v1/policy-versions");

        String code = "OAS_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        String purpose = """
                {"channel": "POST", "lawfulBasis": "CONSENT", "description": "%s", "directMarketing": true%s}""";
        Response added = call("PUT", "/api/v1/purposes/{code}", as(Roles.PRIVACY_OFFICER)
                .body(purpose.formatted("Catalogue", "")), "/api/v1/purposes/" + code);
        Number purposeVersion = added.path("version");
        call("PUT", "/api/v1/purposes/{code}", as(Roles.PRIVACY_OFFICER)
                        .body(purpose.formatted("Catalogue twice a year", ", \"expectedVersion\": " + purposeVersion)),
                "/api/v1/purposes/" + code);

        String subject = newSubject();
        String signalOnly = """
                {"choices": [], "policyVersion": "2026-11", "source": "COOKIE_BANNER", "method": "SAVE"}""";
        call("POST", "/api/v1/subjects/{subjectId}/consent-decisions",
                as(Roles.STOREFRONT).header("Sec-GPC", "1").body(signalOnly),
                "/api/v1/subjects/" + subject + "/consent-decisions");
        call("POST", "/api/v1/subjects/{subjectId}/consent-decisions",
                as(Roles.STOREFRONT).header("Sec-GPC", "1").body(signalOnly),
                "/api/v1/subjects/" + subject + "/consent-decisions");

        String batch = "{\"purpose\": \"EMAIL_MARKETING\", \"subjectIds\": [\"" + subject + "\"]}";
        call("POST", "/api/v1/consent-checks", as(Roles.MARKETING).body(batch), "/api/v1/consent-checks");
        Response links = call("POST", "/api/v1/unsubscribe-tokens", as(Roles.MARKETING).body(batch),
                "/api/v1/unsubscribe-tokens");
        String token = links.path("links[0].token");
        call("POST", "/api/v1/unsubscribe/{token}", given().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click"), "/api/v1/unsubscribe/" + token);
        call("GET", "/api/v1/unsubscribe/{token}", given().accept("text/html"), "/api/v1/unsubscribe/" + token);

        String identifiers = "{\"identifiers\": [{\"type\": \"EMAIL\", \"value\": \"" + ConsentApi.newEmail() + "\"}]";
        call("POST", "/api/v1/suppression-list/screening", as(Roles.MARKETING).body(identifiers + "}"),
                "/api/v1/suppression-list/screening");
        call("POST", "/api/v1/suppression-list/entries",
                as(Roles.PRIVACY_OFFICER).body(identifiers + ", \"channels\": [\"EMAIL\"]}"),
                "/api/v1/suppression-list/entries");

        String requestBody = "{\"requestId\": \"oas-" + UUID.randomUUID() + "\"}";
        call("POST", "/api/v1/subjects/{subjectId}/marketing-objection", as(Roles.DSR_SERVICE).body(requestBody),
                "/api/v1/subjects/" + subject + "/marketing-objection");
        call("POST", "/api/v1/subjects/{subjectId}/consent-withdrawal", as(Roles.DSR_SERVICE).body(requestBody),
                "/api/v1/subjects/" + subject + "/consent-withdrawal");

        JsonPath openApi = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String operation : seen.keySet()) {
            String[] methodAndPath = operation.split(" ", 2);
            Map<String, Object> responses = openApi.getMap("paths.'" + methodAndPath[1] + "'."
                    + methodAndPath[0].toLowerCase() + ".responses");
            Set<String> successes = new TreeSet<>();
            if (responses != null) {
                responses.keySet().stream().filter(status -> status.startsWith("2")).forEach(successes::add);
            }
            documented.put(operation, successes);
        }
        assertThat(documented, equalTo(seen));
    }

    /** Makes the call, records its status under the operation, and returns the response. */
    private Response call(String method, String template, RequestSpecification request, String path) {
        Response response = request.when().request(method, path);
        assertThat(method + " " + path + " answered " + response.statusCode(), response.statusCode() / 100,
                equalTo(2));
        seen.computeIfAbsent(method + " " + template, k -> new TreeSet<>())
                .add(Integer.toString(response.statusCode()));
        return response;
    }
}
