package com.justelegance.privacy.testing;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.provider.Arguments;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

/**
 * The role matrix every service tests (DESIGN.md section 6, deny by default): each endpoint against each role. A
 * role the endpoint names gets through (whatever the answer, never 401, 403 or a server error), every other role
 * gets a 403 problem, and a call without a token gets a 401 problem. A service's test lists its endpoints:
 *
 * <pre>
 * static Stream&lt;Arguments&gt; cases() {
 *     return RoleMatrix.everyRole(List.of(new Endpoint("GET", "/api/v1/recipients", Set.of(Roles.AUDITOR))));
 * }
 * &#64;ParameterizedTest(name = "{0} as {1}") &#64;MethodSource("cases")
 * void onlyTheNamedRolesGetThrough(Endpoint endpoint, String role) { RoleMatrix.assertRoleAnswered(endpoint, role); }
 * </pre>
 */
public final class RoleMatrix {

    private RoleMatrix() {
    }

    /**
     * One endpoint and the roles allowed to call it.
     *
     * @param body    the JSON body to send, or null for none
     * @param allowed the roles let through; null means open to anyone, token or not
     */
    public record Endpoint(String method, String path, String body, Set<String> allowed) {

        /** An endpoint called without a body. */
        public Endpoint(String method, String path, Set<String> allowed) {
            this(method, path, null, allowed);
        }

        /** An endpoint anyone may call. */
        public static Endpoint open(String method, String path) {
            return new Endpoint(method, path, null, null);
        }

        boolean isOpen() {
            return allowed == null;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every endpoint paired with every role, for a parameterised test. */
    public static Stream<Arguments> everyRole(List<Endpoint> endpoints, Collection<String> roles) {
        return endpoints.stream().flatMap(endpoint -> roles.stream().map(role -> Arguments.of(endpoint, role)));
    }

    /** The endpoint lets the role through if it names it, and refuses it with a 403 problem if not. */
    public static void assertRoleAnswered(Endpoint endpoint, String role) {
        var response = call(given().header("Authorization", TestTokens.bearer(role)), endpoint).then();
        if (endpoint.isOpen() || endpoint.allowed().contains(role)) {
            response.statusCode(allOf(not(oneOf(401, 403)), lessThan(500)));
        } else {
            response.statusCode(403).contentType("application/problem+json");
        }
    }

    /** Without a token the endpoint answers a 401 problem, unless it is open to anyone. */
    public static void assertAnonymousAnswered(Endpoint endpoint) {
        var response = call(given(), endpoint).then();
        if (endpoint.isOpen()) {
            response.statusCode(allOf(not(oneOf(401, 403)), lessThan(500)));
        } else {
            response.statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://privacy.justelegance.com/problems/unauthenticated"));
        }
    }

    private static Response call(RequestSpecification request, Endpoint endpoint) {
        RequestSpecification withBody = endpoint.body() == null ? request
                : request.contentType(ContentType.JSON).body(endpoint.body());
        return withBody.when().request(endpoint.method(), endpoint.path());
    }
}
