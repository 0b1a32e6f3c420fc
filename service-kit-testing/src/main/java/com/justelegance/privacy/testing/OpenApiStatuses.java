package com.justelegance.privacy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/**
 * Holds a service's OpenAPI document to what its API really answers: a test calls each operation, records the
 * success status it got under the operation's name ({@code "POST /api/v1/recipients"}), and compares that with
 * the 2xx statuses the document promises.
 */
public final class OpenApiStatuses {

    /** The methods that change something. */
    public static final Predicate<String> WRITES = operation -> !operation.startsWith("GET ")
            && !operation.startsWith("HEAD ") && !operation.startsWith("OPTIONS ");

    private OpenApiStatuses() {
    }

    /** Records the status the call answered under the operation's name, and hands the response back. */
    public static Response record(Map<String, Set<Integer>> answered, String operation, Response response) {
        answered.computeIfAbsent(operation, key -> new TreeSet<>()).add(response.statusCode());
        return response;
    }

    /** Calls the write operations service-kit gives every service (anchoring the audit log) and records them. */
    public static void recordKitWrites(Map<String, Set<Integer>> answered) {
        record(answered, "POST /api/v1/audit-log/anchors", given()
                .header("Authorization", TestTokens.bearer("privacy-officer"))
                .when().post("/api/v1/audit-log/anchors"));
    }

    /** The 2xx statuses the service's document gives each operation that {@code included} accepts. */
    public static Map<String, Set<Integer>> documented(Predicate<String> included) {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI document is not JSON", e);
        }
        Map<String, Set<Integer>> documented = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            if (included.test(name)) {
                Set<Integer> successes = new TreeSet<>();
                operation.getValue().path("responses").fieldNames().forEachRemaining(status -> {
                    if (status.startsWith("2")) {
                        successes.add(Integer.parseInt(status));
                    }
                });
                documented.put(name, successes);
            }
        }));
        return documented;
    }
}
