package com.justelegance.privacy.retention;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

/**
 * Every endpoint against every role: the roles DESIGN.md section 6 gives it are let through, every other role gets
 * 403, and a call without a token gets 401. The calls are chosen to change nothing (an unchanged rule, unknown ids,
 * a purge run with the clock standing where nobody is due).
 */
@QuarkusTest
class RoleMatrixTest {

    private static final List<String> OFFICER = List.of(Roles.PRIVACY_OFFICER);
    private static final List<String> OFFICER_AND_AUDITOR = List.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR);
    private static final String SUBJECT = "cust-role-matrix";
    private static final String UNCHANGED_GENERAL_RULE = """
            {"anchor": "LAST_CONTACT", "period": "P6Y", "action": "ERASE", "reason":
             "Privacy policy: information is retained for 6 years after the customer\\u0027s last contact"}""";

    @Inject
    TestClock clock;

    /** One endpoint, the roles allowed to call it, and a request body when it takes one. */
    record Endpoint(String method, String path, String body, List<String> allowed) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        String unknown = UUID.randomUUID().toString();
        return List.of(
                new Endpoint("GET", "/api/v1/subjects/" + SUBJECT + "/timeline", null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/retention-rules", null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/retention-rules/history", null, OFFICER_AND_AUDITOR),
                new Endpoint("PUT", "/api/v1/retention-rules/GENERAL", UNCHANGED_GENERAL_RULE, OFFICER),
                new Endpoint("DELETE", "/api/v1/retention-rules/NO_SUCH_CATEGORY", null, OFFICER),
                new Endpoint("GET", "/api/v1/subjects/" + SUBJECT + "/holds", null, OFFICER_AND_AUDITOR),
                new Endpoint("POST", "/api/v1/subjects/" + SUBJECT + "/legal-holds",
                        "{\"reason\": \"OTHER\", \"reference\": \"ROLE-MATRIX\", \"endsOn\": \"2001-01-01\"}", OFFICER),
                new Endpoint("POST", "/api/v1/legal-holds/" + unknown + "/release", null, OFFICER),
                new Endpoint("POST", "/api/v1/purge-runs", null, OFFICER),
                new Endpoint("GET", "/api/v1/purge-runs", null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/purge-runs/" + unknown, null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/purge-runs/" + unknown + "/erasure-requests", null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/purge-preview?days=30", null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/erasure-requests/ret-" + unknown, null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/subjects/" + SUBJECT + "/erasure", null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/audit-log", null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/audit-log/verification", null, OFFICER_AND_AUDITOR));
    }

    static Stream<Arguments> everyEndpointAndRole() {
        return endpoints().stream().flatMap(endpoint -> Roles.ALL.stream().map(role -> Arguments.of(endpoint, role)));
    }

    @BeforeEach
    void standWhereNobodyIsDue() {
        clock.standAt(Instant.parse("1980-01-01T00:00:00Z"));
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndRole")
    void onlyTheRolesGivenAnEndpointMayCallIt(Endpoint endpoint, String role) {
        var response = call(given().header("Authorization", TestTokens.bearer(role)), endpoint).then();

        if (endpoint.allowed().contains(role)) {
            response.statusCode(allOf(not(oneOf(401, 403)), lessThan(500)));
        } else {
            response.statusCode(403).contentType("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenEveryEndpointAnswers401(Endpoint endpoint) {
        call(given(), endpoint).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    private static io.restassured.response.Response call(RequestSpecification request, Endpoint endpoint) {
        if (endpoint.body() != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body());
        }
        return request.when().request(endpoint.method(), endpoint.path());
    }
}
