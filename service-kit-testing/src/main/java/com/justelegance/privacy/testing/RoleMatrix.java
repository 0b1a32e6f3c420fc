package com.justelegance.privacy.testing;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The role matrix every service tests (deny by default): each endpoint against each caller.
 * A caller the endpoint allows makes a valid call and gets exactly the endpoint's success status, and where the call
 * changes data the change is read back; every other caller gets a 403 problem and changes nothing; a call without a
 * token, or with a bad token ({@link BadToken}) claiming an allowed role, gets a 401 problem and changes nothing; and
 * the entries must cover every operation of the service's OpenAPI document ({@link #coverageGaps}). The callers are every role people hold, every service role, a token with no role and a
 * token with a role nobody defined. Each cell builds its own call, so a call that changes data can work on a fresh
 * throwaway subject, hold or recipient and leaves nothing that other tests read. A service's {@code RoleMatrixTest}
 * extends {@link RoleMatrixTests} and lists its endpoints, one line each:
 *
 * <pre>
 * protected List&lt;Endpoint&gt; serviceEndpoints() {
 *     return List.of(Endpoint.of("GET /api/v1/recipients", 200, READERS, () -&gt; Call.get("/api/v1/recipients")));
 * }
 * </pre>
 */
public final class RoleMatrix {

    /** A caller whose token is valid but carries no role at all. */
    public static final String NO_ROLE = "(no role)";
    /** A caller whose token carries a role no endpoint knows. */
    public static final String UNKNOWN_ROLE = "admin";

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEMS = "https://privacy.justelegance.com/problems/";

    private RoleMatrix() {
    }

    /**
     * One request, built afresh for each cell.
     *
     * @param expected what must hold after the call succeeded (the change read back), given its response
     * @param refused  what must still hold after the call was refused (nothing changed)
     * @param cleanup  run after the cell whatever happened, to remove what its fixture made
     */
    public record Call(String method, String path, String body, Consumer<ValidatableResponse> expected,
                       Runnable refused, Runnable cleanup) {

        public static Call get(String path) {
            return new Call("GET", path, null, response -> { }, () -> { }, () -> { });
        }

        public static Call post(String path, String body) {
            return new Call("POST", path, body, response -> { }, () -> { }, () -> { });
        }

        public static Call put(String path, String body) {
            return new Call("PUT", path, body, response -> { }, () -> { }, () -> { });
        }

        public static Call delete(String path) {
            return new Call("DELETE", path, null, response -> { }, () -> { }, () -> { });
        }

        /** What a successful call must show, or must have changed, checked on its response or by reading back. */
        public Call expecting(Consumer<ValidatableResponse> check) {
            return new Call(method, path, body, check, refused, cleanup);
        }

        /** What a refused call must have left as it was. */
        public Call whenRefused(Runnable check) {
            return new Call(method, path, body, expected, check, cleanup);
        }

        /** Removes the fixture after the cell. */
        public Call cleanUp(Runnable action) {
            return new Call(method, path, body, expected, refused, action);
        }
    }

    /**
     * An endpoint: its name ({@code METHOD /path/{template}}), the status a successful call answers, the roles it
     * allows (null: anyone, token or not) and how to build a valid call to it.
     */
    public record Endpoint(String name, int success, Set<String> allowed, Function<String, Call> call) {

        public static Endpoint of(String name, int success, Set<String> allowed, Supplier<Call> call) {
            return new Endpoint(name, success, Set.copyOf(allowed), caller -> call.get());
        }

        /**
         * An endpoint whose valid call depends on who makes it (a consent decision claims the source the caller's
         * role stands for); {@code call} is given the caller.
         */
        public static Endpoint byCaller(String name, int success, Set<String> allowed, Function<String, Call> call) {
            return new Endpoint(name, success, Set.copyOf(allowed), call);
        }

        /** An endpoint anyone may call, with a token or without. */
        public static Endpoint open(String name, int success, Supplier<Call> call) {
            return new Endpoint(name, success, null, caller -> call.get());
        }

        boolean allows(String caller) {
            return allowed == null || allowed.contains(caller);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The endpoints service-kit gives every service: the service index, open to anyone, and the audit log, for the
     * privacy officer and auditors (reading it, verifying it, anchoring its head).
     */
    public static List<Endpoint> kitEndpoints() {
        Set<String> officerAndAuditor = Set.of("privacy-officer", "auditor");
        return List.of(
                Endpoint.open("GET /", 200, () -> Call.get("/")),
                Endpoint.of("GET /api/v1/audit-log", 200, officerAndAuditor, () -> Call.get("/api/v1/audit-log")),
                Endpoint.of("GET /api/v1/audit-log/verification", 200, officerAndAuditor,
                        () -> Call.get("/api/v1/audit-log/verification")),
                Endpoint.of("POST /api/v1/audit-log/anchors", 200, officerAndAuditor,
                        () -> Call.post("/api/v1/audit-log/anchors", null)
                                .expecting(response -> response.body("headHash", notNullValue()))));
    }

    /**
     * Every endpoint paired with every caller, for a parameterised test: the roles people hold, the roles services
     * hold, a token with no role and a token with an unknown role.
     */
    public static Stream<Arguments> everyCaller(List<Endpoint> endpoints, List<String> peopleRoles,
                                                List<String> serviceRoles) {
        List<String> callers = Stream.of(peopleRoles.stream(), serviceRoles.stream(), Stream.of(NO_ROLE, UNKNOWN_ROLE))
                .flatMap(roles -> roles).toList();
        return endpoints.stream().flatMap(endpoint -> callers.stream().map(caller -> Arguments.of(endpoint, caller)));
    }

    /**
     * Every endpoint that needs a role paired with every kind of bad token the service must refuse
     * ({@link BadToken#refusedHere()}), for a parameterised test.
     */
    public static Stream<Arguments> everyBadToken(List<Endpoint> endpoints) {
        List<BadToken> kinds = BadToken.refusedHere();
        return endpoints.stream().filter(endpoint -> endpoint.allowed() != null)
                .flatMap(endpoint -> kinds.stream().map(kind -> Arguments.of(endpoint, kind)));
    }

    /**
     * An allowed caller gets exactly the success status and the change happened; any other caller gets a 403
     * problem and nothing changed.
     */
    public static void assertAnswered(Endpoint endpoint, String caller) {
        String token = caller.equals(NO_ROLE) ? TestTokens.bearer() : TestTokens.bearer(caller);
        assertAnswered(endpoint, caller, caller, given().header("Authorization", token), endpoint.allows(caller),
                403, "forbidden");
    }

    /** Without a token the endpoint answers a 401 problem and changes nothing, unless it is open to anyone. */
    public static void assertAnonymousAnswered(Endpoint endpoint) {
        assertAnswered(endpoint, "nobody (no token)", "nobody (no token)", given(), endpoint.allowed() == null, 401,
                "unauthenticated");
    }

    /**
     * A bad token is a 401 problem and changes nothing, though it claims a role the endpoint allows and carries that
     * role's valid call: so the token was refused, not the role. One allowed role (the first by name) is enough.
     */
    public static void assertBadTokenRefused(Endpoint endpoint, BadToken kind) {
        String role = endpoint.allowed().stream().sorted().findFirst()
                .orElseThrow(() -> new AssertionError(endpoint + " allows no role at all"));
        assertAnswered(endpoint, role, role + " with " + kind, given().header("Authorization", kind.bearer(role)),
                false, 401, "unauthenticated");
    }

    /**
     * The operation a matrix entry covers, in the form the OpenAPI document gives: {@code "GET /a/{}/b"}, without
     * its query (several entries may try one operation with different queries) and with every path parameter
     * written {@code {}}, since the matrix and the resources may name a parameter differently.
     */
    public static String operationOf(String endpointName) {
        return endpointName.replaceFirst("\\?.*$", "").replaceAll("\\{[^}/]*}", "{}");
    }

    /**
     * Where the matrix and the service's operations ({@code METHOD /path/{template}}, as the OpenAPI document lists
     * them) part: each operation no endpoint covers, and each endpoint that is no operation any more. Empty when
     * every operation is checked.
     */
    public static List<String> coverageGaps(List<Endpoint> endpoints, List<String> operations) {
        Set<String> documented = operations.stream().map(RoleMatrix::operationOf).collect(Collectors.toSet());
        Set<String> covered = endpoints.stream().map(endpoint -> operationOf(endpoint.name()))
                .collect(Collectors.toSet());
        List<String> gaps = new ArrayList<>();
        operations.stream().filter(operation -> !covered.contains(operationOf(operation)))
                .forEach(operation -> gaps.add(operation + ": in the OpenAPI document, but no matrix entry"));
        endpoints.stream().filter(endpoint -> !documented.contains(operationOf(endpoint.name())))
                .forEach(endpoint -> gaps.add(endpoint + ": in the matrix, but no operation of the OpenAPI document"));
        return gaps;
    }

    private static void assertAnswered(Endpoint endpoint, String caller, String who, RequestSpecification request,
                                       boolean allowed, int refusal, String refusalType) {
        Call call = endpoint.call().apply(caller);
        try {
            if (!endpoint.name().startsWith(call.method() + " ")) {
                throw new AssertionError(endpoint.name() + " was given a " + call.method() + " call");
            }
            if (call.body() != null) {
                request = request.contentType(ContentType.JSON).body(call.body());
            }
            ValidatableResponse response = request.when().request(call.method(), call.path()).then();
            if (allowed) {
                response.statusCode(endpoint.success());
                call.expected().accept(response);
            } else {
                response.statusCode(refusal)
                        .contentType(PROBLEM)
                        .body("type", equalTo(PROBLEMS + refusalType));
                call.refused().run();
            }
        } catch (AssertionError e) {
            // Surefire names a parameterised cell by its index only; say which cell failed.
            throw new AssertionError(endpoint + " as " + who + " (" + (allowed ? "allowed" : "refused") + "): "
                    + e.getMessage(), e);
        } finally {
            call.cleanup().run();
        }
    }
}
