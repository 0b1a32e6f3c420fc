package com.justelegance.privacy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * Holds a service's OpenAPI document to what its API really answers: a test calls each operation, records the
 * success status it got under the operation's name ({@code "POST /api/v1/recipients"}), and compares that with
 * the 2xx statuses the document promises. Error responses are held to the problem documents the services send:
 * each is {@code application/problem+json} with the {@code Problem} schema, every operation documents the errors
 * any operation of its kind can give, and every type of a service's problem catalogue is documented with its status.
 */
public final class OpenApiStatuses {

    /** The media type of problem documents. */
    public static final String PROBLEM = "application/problem+json";
    /** Where the document's problem schema is. */
    public static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final List<String> PROBLEM_PROPERTIES = List.of("type", "title", "status", "detail", "errors");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

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
        JsonNode document = document();
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

    /**
     * Where the document's error responses fall short of what the service sends; empty when they do not. Every
     * 4xx and 5xx response must have {@code application/problem+json} content with the {@code Problem} schema
     * (a response whose content is only an HTML page, for browsers, aside), and the schema must have the problem
     * document's fields. An operation that needs a role must document 401 and 403, and one that takes a body, a
     * path or a query parameter must document 400, since the kit refuses those for every operation. And every
     * operation must still document a success: an operation that names its error responses loses the success
     * response the scanner would otherwise add, unless it names that too.
     */
    public static List<String> problemGaps() {
        JsonNode document = document();
        List<String> gaps = new ArrayList<>();
        JsonNode schema = document.path("components").path("schemas").path("Problem");
        for (String property : PROBLEM_PROPERTIES) {
            if (!schema.path("properties").has(property)) {
                gaps.add("the Problem schema has no property " + property);
            }
        }
        forEachOperation(document, (name, operation) -> {
            JsonNode responses = operation.path("responses");
            if (responses.properties().stream().noneMatch(response -> response.getKey().startsWith("2"))) {
                gaps.add(name + ": documents no success response");
            }
            if (!operation.path("security").isEmpty()) {
                requireResponse(gaps, name, responses, "401", "it needs a role");
                requireResponse(gaps, name, responses, "403", "it needs a role");
            }
            boolean takesInput = operation.has("requestBody");
            for (JsonNode parameter : operation.path("parameters")) {
                takesInput |= parameter.path("in").asText().equals("path")
                        || parameter.path("in").asText().equals("query");
            }
            if (takesInput) {
                requireResponse(gaps, name, responses, "400", "it takes a body or parameters");
            }
            responses.properties().forEach(response -> {
                String status = response.getKey();
                if (!status.startsWith("4") && !status.startsWith("5")) {
                    return;
                }
                JsonNode content = response.getValue().path("content");
                boolean pageOnly = content.size() == 1 && content.has("text/html");
                String ref = content.path(PROBLEM).path("schema").path("$ref").asText();
                if (!pageOnly && !ref.equals(PROBLEM_SCHEMA)) {
                    gaps.add(name + " " + status + ": no " + PROBLEM + " content with the Problem schema");
                }
            });
        });
        return gaps;
    }

    /**
     * The problem types no operation documents: each must appear, by its slug, in the description of some
     * operation's response with the type's status ({@code "409", "purpose-exists: ..."}), so a client reading the
     * document learns every problem the service can answer, and with which status.
     */
    public static List<String> undocumentedProblems(List<ProblemCatalogues.Type> catalogue) {
        Map<Integer, StringBuilder> descriptions = new TreeMap<>();
        forEachOperation(document(), (name, operation) -> operation.path("responses").properties().forEach(
                response -> {
                    if (response.getKey().matches("\\d{3}")) {
                        descriptions.computeIfAbsent(Integer.parseInt(response.getKey()), status -> new StringBuilder())
                                .append(response.getValue().path("description").asText()).append('\n');
                    }
                }));
        List<String> undocumented = new ArrayList<>();
        for (ProblemCatalogues.Type type : catalogue) {
            String documented = descriptions.getOrDefault(type.status(), new StringBuilder()).toString();
            if (!Pattern.compile("(?<![a-z-])" + Pattern.quote(type.slug()) + "(?![a-z-])").matcher(documented)
                    .find()) {
                undocumented.add(type.toString());
            }
        }
        return undocumented;
    }

    /** Every operation of the service's document, by name ({@code "POST /api/v1/recipients/{code}"}), sorted. */
    public static List<String> operations() {
        List<String> operations = new ArrayList<>();
        forEachOperation(document(), (name, operation) -> operations.add(name));
        return operations.stream().sorted().toList();
    }

    private static void requireResponse(List<String> gaps, String operation, JsonNode responses, String status,
                                        String because) {
        if (!responses.has(status)) {
            gaps.add(operation + ": documents no " + status + ", though " + because);
        }
    }

    static void forEachOperation(JsonNode document, BiConsumer<String, JsonNode> action) {
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (HTTP_METHODS.contains(operation.getKey())) {
                action.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
            }
        }));
    }

    static JsonNode document() {
        try {
            return new ObjectMapper().readTree(given().when().get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI document is not JSON", e);
        }
    }
}
