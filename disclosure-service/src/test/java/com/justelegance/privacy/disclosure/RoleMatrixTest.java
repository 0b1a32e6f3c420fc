package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

/**
 * Every endpoint against every role (DESIGN.md section 6): the roles it names are let through, every other role
 * gets 403, and a call without a token gets 401. Bodies are empty on purpose: a let-through call may then fail
 * validation, which still shows the role was not refused, and nothing is changed.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final String SUBJECT = "cust-role-matrix";
    private static final String NOTICE = UUID.randomUUID().toString();

    /** One endpoint and the roles allowed to call it. */
    record Endpoint(String method, String path, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        Set<String> registryReaders = Set.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.CUSTOMER_SERVICE);
        Set<String> officerAndAuditor = Set.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR);
        Set<String> officer = Set.of(Roles.PRIVACY_OFFICER);
        return List.of(
                new Endpoint("GET", "/api/v1/recipients", registryReaders),
                new Endpoint("GET", "/api/v1/recipients/DPD", registryReaders),
                new Endpoint("POST", "/api/v1/recipients", officer),
                new Endpoint("PUT", "/api/v1/recipients/DPD", officer),
                new Endpoint("GET", "/api/v1/recipients/DPD/disclosures?from=2026-11-01&to=2026-11-30",
                        officerAndAuditor),
                new Endpoint("GET", "/api/v1/subjects/" + SUBJECT + "/disclosures", registryReaders),
                new Endpoint("GET", "/api/v1/subjects/" + SUBJECT + "/disclosures?includeWithheld=true", officer),
                new Endpoint("POST", "/api/v1/subjects/" + SUBJECT + "/disclosures", officer),
                new Endpoint("GET", "/api/v1/subjects/" + SUBJECT + "/notices", registryReaders),
                new Endpoint("GET", "/api/v1/subjects/" + SUBJECT + "/notices?includeWithheld=true", officer),
                new Endpoint("GET", "/api/v1/sharing-checks?subjectId=" + SUBJECT
                        + "&recipient=FACEBOOK&purpose=SOCIAL_MEDIA_AUDIENCES",
                        Set.of(Roles.STOREFRONT, Roles.MARKETING, Roles.PRIVACY_OFFICER)),
                new Endpoint("POST", "/api/v1/audience-uploads", Set.of(Roles.MARKETING, Roles.PRIVACY_OFFICER)),
                new Endpoint("GET", "/api/v1/notices", officerAndAuditor),
                new Endpoint("GET", "/api/v1/notices/" + NOTICE, officerAndAuditor),
                new Endpoint("POST", "/api/v1/notices/" + NOTICE + "/outcome", officer),
                new Endpoint("GET", "/api/v1/disclosure-summary?from=2026-11&to=2026-11", officerAndAuditor),
                new Endpoint("GET", "/api/v1/audit-log", officerAndAuditor),
                new Endpoint("GET", "/api/v1/audit-log/verification", officerAndAuditor));
    }

    static Stream<Arguments> everyEndpointAndRole() {
        return endpoints().stream().flatMap(e -> Roles.ALL.stream().map(role -> Arguments.of(e, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndRole")
    void onlyTheNamedRolesGetThrough(Endpoint endpoint, String role) {
        var response = call(given().header("Authorization", TestTokens.bearer(role)), endpoint).then();
        if (endpoint.allowed().contains(role)) {
            response.statusCode(not(oneOf(401, 403)));
        } else {
            response.statusCode(403).contentType("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenEveryEndpointIsUnauthorised(Endpoint endpoint) {
        call(given(), endpoint).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/unauthenticated"));
    }

    private static io.restassured.response.Response call(RequestSpecification request, Endpoint endpoint) {
        RequestSpecification withBody = endpoint.method().equals("GET") ? request
                : request.contentType(ContentType.JSON).body("{}");
        return withBody.request(endpoint.method(), endpoint.path());
    }
}
