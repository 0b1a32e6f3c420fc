package com.justelegance.privacy.simulator.datasource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.simulator.customers.CustomerDirectory;
import com.justelegance.privacy.simulator.customers.IdentifierKind;
import com.justelegance.privacy.simulator.datasource.DataSourceProblem.Failure;
import com.justelegance.privacy.simulator.datasource.DataSourceProblem.FieldError;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The storefront's data-source API, which dsr-service calls on a person's behalf (the contract is in the module's
 * README):
 *
 * <ul>
 *   <li>{@code GET /data-source/v1/subjects?email=|phone=|customerNumber=} finds the subject ids holding exactly
 *       one given identifier: {@code {"subjectIds": [...]}};</li>
 *   <li>{@code GET /data-source/v1/subjects/{subjectId}/data} answers what the storefront holds about a subject,
 *       grouped by category with each category's purpose, lawful basis, retention and source;</li>
 *   <li>{@code GET /health}, without a token, says the server runs.</li>
 * </ul>
 *
 * <p>Built on the JDK's own HTTP server: the simulator is a plain command-line tool without a framework, this is a
 * handful of read-only endpoints at development load, and the JDK server needs no dependency. Every answer but
 * {@code /health} needs a {@code dsr-service} bearer token ({@link BearerTokens}); every error is a problem
 * document that names fields and never quotes a value, and neither do the log lines, which name the route, never
 * the query.
 */
public final class DataSourceServer implements AutoCloseable {

    public static final String API_BASE = "/data-source/v1/subjects";
    private static final Logger LOG = LoggerFactory.getLogger(DataSourceServer.class);
    private static final ObjectMapper JSON = EventCodec.mapper();
    private static final Pattern SUBJECT_DATA = Pattern.compile("^" + API_BASE + "/([^/]*)/data$");
    private static final int MAX_URI_LENGTH = 8192;
    private static final String IDENTIFIER_NAMES = "email, phone or customerNumber";
    private static final Map<IdentifierKind, Integer> MAX_LENGTH = Map.of(
            IdentifierKind.EMAIL, 320, IdentifierKind.PHONE, 32, IdentifierKind.CUSTOMER_NUMBER, 64);

    private final HttpServer server;
    private final ExecutorService executor;
    private final CustomerDirectory directory;
    private final BearerTokens tokens;

    private DataSourceServer(HttpServer server, ExecutorService executor, CustomerDirectory directory,
                             BearerTokens tokens) {
        this.server = server;
        this.executor = executor;
        this.directory = directory;
        this.tokens = tokens;
    }

    /** Starts serving on the address (port 0: any free port) until {@link #close}. */
    public static DataSourceServer start(InetSocketAddress address, CustomerDirectory directory,
                                         BearerTokens tokens) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        DataSourceServer dataSource = new DataSourceServer(server, executor, directory, tokens);
        server.createContext("/", dataSource::handle);
        server.setExecutor(executor);
        server.start();
        return dataSource;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(1);
        executor.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String route = "other";
        int status;
        try (exchange) {
            drain(exchange.getRequestBody());
            try {
                String path = exchange.getRequestURI().getRawPath();
                if (exchange.getRequestURI().toString().length() > MAX_URI_LENGTH) {
                    throw new Failure(DataSourceProblem.URI_TOO_LONG, "The request URI is longer than "
                            + MAX_URI_LENGTH + " characters.");
                }
                if (path.equals("/health")) {
                    route = "/health";
                    requireGet(exchange);
                    status = send(exchange, 200, "application/json", Map.of("status", "UP"));
                } else if (path.equals(API_BASE) || SUBJECT_DATA.matcher(path).matches()) {
                    Matcher data = SUBJECT_DATA.matcher(path);
                    route = data.matches() ? API_BASE + "/{subjectId}/data" : API_BASE;
                    requireGet(exchange);
                    authorise(exchange);
                    status = data.matches()
                            ? send(exchange, 200, "application/json", subjectData(data.group(1), exchange))
                            : send(exchange, 200, "application/json", lookUp(exchange));
                } else {
                    throw new Failure(DataSourceProblem.NOT_FOUND, "No endpoint has this path.");
                }
            } catch (Failure failure) {
                status = sendProblem(exchange, failure.document());
            } catch (RuntimeException | IOException e) {
                String errorId = UUID.randomUUID().toString();
                LOG.error("Error {} answering {} {}", errorId, exchange.getRequestMethod(), route, e);
                status = sendProblem(exchange, DataSourceProblem.INTERNAL_ERROR.document(
                        "The storefront could not answer; its log names error " + errorId + ".", List.of()));
            }
        }
        LOG.info("{} {} -> {} in {} ms", exchange.getRequestMethod(), route, status,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** {@code GET /data-source/v1/subjects?<one identifier>}: the subject ids holding it. */
    private Map<String, List<String>> lookUp(HttpExchange exchange) throws IOException {
        Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
        List<FieldError> errors = new ArrayList<>();
        Map<IdentifierKind, String> given = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            IdentifierKind kind = Arrays.stream(IdentifierKind.values())
                    .filter(candidate -> candidate.parameter().equals(name)).findFirst().orElse(null);
            if (kind == null) {
                errors.add(FieldError.named(name, "is not a parameter of this endpoint; give one of "
                        + IDENTIFIER_NAMES));
            } else if (values.size() > 1) {
                errors.add(new FieldError(name, "must be given once"));
            } else {
                String rule = ruleBroken(kind, values.getFirst());
                if (rule != null) {
                    errors.add(new FieldError(name, rule));
                }
                given.put(kind, values.getFirst());
            }
        });
        if (given.isEmpty() && errors.isEmpty()) {
            throw new Failure(DataSourceProblem.VALIDATION_FAILED, "Give exactly one identifier: "
                    + IDENTIFIER_NAMES + ".", Arrays.stream(IdentifierKind.values())
                    .map(kind -> new FieldError(kind.parameter(), "give exactly one of " + IDENTIFIER_NAMES))
                    .toList());
        }
        if (given.size() > 1) {
            given.keySet().forEach(kind -> errors.add(new FieldError(kind.parameter(),
                    "must not be given with another identifier; give exactly one of " + IDENTIFIER_NAMES)));
        }
        if (!errors.isEmpty()) {
            throw validationFailed(errors);
        }
        Map.Entry<IdentifierKind, String> identifier = given.entrySet().iterator().next();
        return Map.of("subjectIds", directory.subjectIdsFor(identifier.getKey(), identifier.getValue()));
    }

    /** {@code GET /data-source/v1/subjects/{subjectId}/data}: what the storefront holds about the subject. */
    private SubjectData subjectData(String rawSubjectId, HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getRawQuery() != null) {
            List<FieldError> errors = query(exchange.getRequestURI().getRawQuery()).keySet().stream()
                    .map(name -> FieldError.named(name, "is not a parameter of this endpoint")).toList();
            if (!errors.isEmpty()) {
                throw validationFailed(errors);
            }
        }
        String subjectId = decode(rawSubjectId, "subjectId");
        try {
            EventFieldRules.opaqueId(subjectId, "subjectId");
        } catch (IllegalArgumentException e) {
            // The rule's message names the field and the expected form, never the value.
            throw validationFailed(List.of(new FieldError("subjectId", e.getMessage()
                    .substring("subjectId ".length()))));
        }
        return directory.find(subjectId).flatMap(SubjectData::of)
                .orElseThrow(() -> new Failure(DataSourceProblem.SUBJECT_NOT_FOUND,
                        "The storefront holds no data about this subject."));
    }

    /** Why an identifier's value is refused, or null when it may be looked up. */
    private static String ruleBroken(IdentifierKind kind, String value) {
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return "must not contain control characters";
        }
        if (value.indexOf('\uFFFD') >= 0) {
            return "must be valid UTF-8";
        }
        if (value.isBlank()) {
            return "must not be blank";
        }
        if (value.length() > MAX_LENGTH.get(kind)) {
            return "must be at most " + MAX_LENGTH.get(kind) + " characters";
        }
        return switch (kind) {
            case EMAIL -> value.indexOf('@') > 0 ? null : "must be an e-mail address";
            case PHONE -> kind.normalise(value).isEmpty() ? "must contain digits" : null;
            case CUSTOMER_NUMBER -> null;
        };
    }

    private void authorise(HttpExchange exchange) {
        switch (tokens.check(exchange.getRequestHeaders().getFirst("Authorization"))) {
            case ALLOWED -> { }
            case UNAUTHENTICATED -> {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                throw new Failure(DataSourceProblem.UNAUTHENTICATED, "A valid bearer token is required.");
            }
            case FORBIDDEN -> throw new Failure(DataSourceProblem.FORBIDDEN,
                    "Only the role " + BearerTokens.REQUIRED_ROLE + " may call the data-source API.");
        }
    }

    private static void requireGet(HttpExchange exchange) {
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            throw new Failure(DataSourceProblem.METHOD_NOT_ALLOWED, "Only GET is allowed here.");
        }
    }

    /**
     * The query's parameters by name, percent-decoded as RFC 3986 says: a {@code +} is a plus sign (as in an
     * e-mail address), not a space.
     */
    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), "query");
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), "query");
            parameters.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String raw, String field) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Failure(DataSourceProblem.INVALID_PARAMETER, "The " + field
                    + " is not correctly percent-encoded.", List.of(new FieldError(field,
                    "is not correctly percent-encoded")));
        }
    }

    private static Failure validationFailed(List<FieldError> errors) {
        return new Failure(DataSourceProblem.VALIDATION_FAILED, String.join("; ",
                errors.stream().map(error -> error.field() + " " + error.message()).toList()), errors);
    }

    private static int sendProblem(HttpExchange exchange, DataSourceProblem.Document problem) throws IOException {
        return send(exchange, problem.status(), DataSourceProblem.MEDIA_TYPE, problem);
    }

    private static int send(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // Personal data: no cache on the way may keep a copy.
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1); // a HEAD answer has no body
            return status;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }

    private static void drain(InputStream body) throws IOException {
        body.transferTo(OutputStream.nullOutputStream());
    }
}
