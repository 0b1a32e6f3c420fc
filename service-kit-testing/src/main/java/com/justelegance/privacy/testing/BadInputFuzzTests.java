package com.justelegance.privacy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.engine.SourceOfRandomness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bad input as a property: generated path values, query strings and bodies (jqwik's generators, edge cases included)
 * are thrown at every operation of the service's OpenAPI document, with a token holding every role so the
 * input, not the role, decides the answer. Every answer must be below 500, and every refusal (4xx) a problem
 * document (or the page for browsers the document gives for that status). Nothing a refused request carried may be stored: each generated request carries a marker of its own in
 * every string it sends, and after the run no row of any table of the service's database holds the marker of a
 * refused request.
 *
 * <p>A service's {@code BadInputFuzzTest} extends this, with {@code @TestProfile(BadInputFuzzTests.RunsLast.class)}:
 * a generated request now and then is valid and changes something (a purge run, a policy version), so the fuzzing
 * runs after the module's other tests, which count what they find. The seed is printed; {@code -Dprivacy.fuzz.seed=<seed>}
 * repeats a run, {@code -Dprivacy.fuzz.cases=<n>} sets the requests per operation (24).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputFuzzTests {

    private static final int CASES = Integer.getInteger("privacy.fuzz.cases", 24);
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");

    /**
     * The profile that runs a module's fuzzing last: Quarkus orders test classes without a profile first, then by
     * profile name, and this package's name sorts after the services'.
     */
    public static final class RunsLast implements QuarkusTestProfile {
    }

    @Inject
    DataSource dataSource;

    private final List<String> roles;

    /** @param roles every role the service knows, people's and services', all put in the one token used */
    protected BadInputFuzzTests(List<String> roles) {
        this.roles = List.copyOf(roles);
    }

    @Test
    void generatedRequestsNeverGetA5xxAndRefusedOnesStoreNothing() throws Exception {
        long seed = Long.getLong("privacy.fuzz.seed", new Random().nextLong());
        System.out.printf("Bad-input fuzzing of %s: seed %d (-Dprivacy.fuzz.seed=%d repeats it), %d cases per "
                + "operation%n", getClass().getPackageName(), seed, seed, CASES);
        Random random = new Random(seed);
        // jqwik draws its values from its own thread-local random: seeded here, so the seed repeats the run.
        SourceOfRandomness.create(Long.toString(seed));
        Generators generate = new Generators(random);
        String token = TestTokens.bearer(roles.toArray(String[]::new));
        JsonNode document = OpenApiStatuses.document();
        List<String> failures = new ArrayList<>();
        Map<String, String> refusedMarkers = new LinkedHashMap<>();
        int requests = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();

        for (Map.Entry<String, JsonNode> operation : operations(document).entrySet()) {
            String method = operation.getKey().substring(0, operation.getKey().indexOf(' '));
            String template = operation.getKey().substring(method.length() + 1);
            for (int i = 0; i < CASES; i++) {
                String marker = "fz" + HexFormat.of().formatHex(generate.bytes(5));
                Generators.Body body = WRITES.contains(method) ? generate.body(operation.getValue(), document, marker)
                        : null;
                String path = generate.path(template, marker);
                Map<String, String> query = generate.query(operation.getValue(), marker);
                RequestSpecification request = given().urlEncodingEnabled(false)
                        .header("Authorization", token);
                query.forEach(request::queryParam);
                if (body != null) {
                    request.contentType(body.contentType()).body(body.bytes());
                }
                Response response;
                try {
                    response = request.when().request(method, path);
                } catch (Exception e) {
                    // A request the client cannot even send (an illegal URI) tells us nothing about the service.
                    continue;
                }
                requests++;
                int status = response.statusCode();
                statuses.merge(status, 1, Integer::sum);
                String kind = operation.getKey() + " case " + i + (body == null ? "" : " (" + body.kind() + ")");
                if (status >= 500) {
                    failures.add(kind + ": " + status);
                } else if (status >= 400) {
                    String type = response.contentType();
                    if (type == null || !(type.startsWith(OpenApiStatuses.PROBLEM)
                            || documentedPage(operation.getValue(), status, type))) {
                        failures.add(kind + ": " + status + " without a problem document (" + type + ")");
                    }
                    refusedMarkers.put(marker, kind);
                }
            }
        }
        System.out.printf("Bad-input fuzzing of %s: %d requests, statuses %s%n", getClass().getPackageName(),
                requests, statuses);
        assertEquals(List.of(), failures, "Every answer below 500 and every refusal a problem document (seed "
                + seed + ")");
        assertEquals(List.of(), storedMarkers(refusedMarkers), "Nothing a refused request carried is stored (seed "
                + seed + ")");
    }

    /** A page for browsers where the document gives one for this status (an unsubscribe link's page, say). */
    private static boolean documentedPage(JsonNode operation, int status, String type) {
        JsonNode content = operation.path("responses").path(Integer.toString(status)).path("content");
        return type.startsWith("text/html") && content.has("text/html");
    }

    /** Every operation of the document with its definition, in a fixed order. */
    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        OpenApiStatuses.forEachOperation(document, operations::put);
        return operations;
    }

    /** The refused requests whose marker some row holds, by what they were. */
    private List<String> storedMarkers(Map<String, String> refused) throws Exception {
        if (refused.isEmpty()) {
            return List.of();
        }
        Set<String> found = new TreeSet<>();
        Pattern markers = Pattern.compile(refused.keySet().stream().collect(Collectors.joining("|")));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = "
                    + "'public' AND tablename <> 'flyway_schema_history'")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                    while (rows.next()) {
                        Matcher matcher = markers.matcher(rows.getString(1));
                        while (matcher.find()) {
                            found.add(table + ": " + refused.get(matcher.group()));
                        }
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    /** The generated parts of a request: jqwik arbitraries for the values, drawn from one seeded random. */
    static final class Generators {

        /** A body and what kind of bad it is (for the failure message: never its bytes). */
        record Body(String kind, String contentType, byte[] bytes) {
        }

        private static final List<String> SPECIAL = List.of("", " ", "../../etc/passwd", "%00", "%2e%2e%2f",
                "' OR '1'='1", "<script>alert(1)</script>", "-1", "0", "99999999999999999999999", "1e309", "NaN",
                "null", "true", "2026-02-30", "2026-13-01T25:61:00Z", "P-1D", "00000000-0000-0000-0000-000000000000",
                "\u0000", "\u202e\u0007\u001b[31m", "😀".repeat(50), "a".repeat(5000));

        /** JSON null among the leaves (a stream of values cannot hold null itself). */
        private static final Object NULL = new Object();

        private final Random random;
        private final Arbitrary<String> anyString = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
                Arbitraries.of(SPECIAL));
        private final Arbitrary<Object> anyLeaf = Arbitraries.oneOf(
                anyString.map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(NULL));
        // Drawn outside a jqwik property (a Quarkus test runs this), hence sample streams, edge cases among them.
        private final Iterator<String> strings = anyString.sampleStream().iterator();
        private final Iterator<Object> leaves = anyLeaf.sampleStream().iterator();

        Generators(Random random) {
            this.random = random;
        }

        byte[] bytes(int n) {
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            return bytes;
        }

        /** The marker travels in every string, so a stored refusal can be found; sometimes it is all there is. */
        String string(String marker) {
            String value = strings.next();
            return switch (random.nextInt(3)) {
                case 0 -> marker;
                case 1 -> value + marker;
                default -> marker + value;
            };
        }

        /** The template with each parameter replaced by a generated value, percent-encoded as a client would. */
        String path(String template, String marker) {
            Matcher parameter = PATH_PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (parameter.find()) {
                parameter.appendReplacement(path, Matcher.quoteReplacement(encode(string(marker))));
            }
            parameter.appendTail(path);
            return path.toString();
        }

        /** Some of the operation's own query parameters and an unknown one, with generated values. */
        Map<String, String> query(JsonNode operation, String marker) {
            Map<String, String> query = new LinkedHashMap<>();
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("in").asText().equals("query") && random.nextInt(3) > 0) {
                    query.put(parameter.path("name").asText(), encode(string(marker)));
                }
            }
            if (random.nextInt(4) == 0) {
                query.put("unexpected" + random.nextInt(100), encode(string(marker)));
            }
            return query;
        }

        /**
         * A body: the documented fields with generated values of any type (wrong types, out-of-range numbers), an
         * unknown field, random JSON, deep nesting, a huge array, truncated JSON, bytes that are no UTF-8, or nothing.
         */
        Body body(JsonNode operation, JsonNode document, String marker) {
            int kind = random.nextInt(10);
            return switch (kind) {
                case 0, 1, 2 -> json("documented fields, generated values", documented(operation, document, marker,
                        false));
                case 3 -> json("documented fields and an unknown one", documented(operation, document, marker, true));
                case 4 -> json("random JSON", randomJson(3, marker));
                case 5 -> new Body("deep nesting", "application/json",
                        ("[".repeat(5000) + "\"" + marker + "\"" + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
                case 6 -> { // past the 2 MiB the kit accepts
                    StringBuilder huge = new StringBuilder("{\"").append(marker).append("\": [");
                    for (int i = 0; i < 400_000; i++) {
                        huge.append(i == 0 ? "" : ",").append(i);
                    }
                    yield new Body("huge array", "application/json",
                            huge.append("]}").toString().getBytes(StandardCharsets.UTF_8));
                }
                case 7 -> {
                    String whole = documented(operation, document, marker, false);
                    yield new Body("truncated JSON", "application/json", whole.substring(0,
                            Math.max(1, whole.length() / 2)).getBytes(StandardCharsets.UTF_8));
                }
                case 8 -> {
                    byte[] bytes = bytes(1 + random.nextInt(200));
                    yield new Body("bytes that are no UTF-8", random.nextBoolean() ? "application/json" : "text/plain",
                            concat(marker.getBytes(StandardCharsets.UTF_8), bytes));
                }
                default -> new Body("empty", "application/json", new byte[0]);
            };
        }

        private Body json(String kind, String json) {
            return new Body(kind, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        private String documented(JsonNode operation, JsonNode document, String marker, boolean unknown) {
            JsonNode schema = resolve(operation.path("requestBody").path("content").path("application/json")
                    .path("schema"), document);
            StringBuilder json = new StringBuilder("{");
            List<String> fields = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(fields::add);
            if (unknown || fields.isEmpty()) {
                fields.add("unexpected" + marker);
            }
            for (int i = 0; i < fields.size(); i++) {
                json.append(i == 0 ? "" : ",").append(quote(fields.get(i))).append(':')
                        .append(random.nextInt(4) == 0 ? randomJson(2, marker) : leaf(marker));
            }
            return json.append('}').toString();
        }

        private String randomJson(int depth, String marker) {
            int kind = depth == 0 ? 2 : random.nextInt(3);
            if (kind == 0) {
                StringBuilder object = new StringBuilder("{");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    object.append(i == 0 ? "" : ",").append(quote(string(marker))).append(':')
                            .append(randomJson(depth - 1, marker));
                }
                return object.append('}').toString();
            }
            if (kind == 1) {
                StringBuilder array = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    array.append(i == 0 ? "" : ",").append(randomJson(depth - 1, marker));
                }
                return array.append(']').toString();
            }
            return leaf(marker);
        }

        private String leaf(String marker) {
            Object value = leaves.next();
            if (value == NULL) {
                return "null";
            }
            if (value instanceof String s) {
                return quote(random.nextBoolean() ? s + marker : marker);
            }
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
                return "1e400";
            }
            return String.valueOf(value);
        }

        private static JsonNode resolve(JsonNode schema, JsonNode document) {
            String ref = schema.path("$ref").asText();
            if (ref.startsWith("#/components/schemas/")) {
                return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
            }
            return schema;
        }

        private static String quote(String value) {
            StringBuilder quoted = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                if (c == '"' || c == '\\') {
                    quoted.append('\\').append(c);
                } else if (c < 0x20) {
                    quoted.append(String.format("\\u%04x", (int) c));
                } else {
                    quoted.append(c);
                }
            }
            return quoted.append('"').toString();
        }

        private static String encode(String value) {
            return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] both = new byte[a.length + b.length];
            System.arraycopy(a, 0, both, 0, a.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }
    }
}
