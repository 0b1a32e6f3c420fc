package com.justelegance.privacy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The services' APIs as the flows' benchmarks (purge, erasure, access) call them: JSON in and out, a bearer token
 * per role (minted by the bench and renewed well before its hour is up, since a purge of 100,000 subjects can run
 * long), and waiting for a state with a short poll. Every unexpected status is an exception naming the call and the
 * status (never the body, which may hold personal data of the seeded customers).
 */
final class FlowApi {

    /** How often a wait asks again: short against the second-scale latencies measured, light on the services. */
    static final Duration POLL = Duration.ofMillis(10);

    private final BenchSystem system;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Instant> minted = new HashMap<>();

    /** One answer: its status and its JSON body (a missing node when the body was empty or not JSON). */
    record Answer(int status, JsonNode body) {
    }

    FlowApi(BenchSystem system) {
        this.system = system;
    }

    ObjectMapper json() {
        return json;
    }

    synchronized String token(String role) {
        Instant at = minted.get(role);
        if (at == null || at.isBefore(Instant.now().minus(Duration.ofMinutes(20)))) {
            tokens.put(role, system.token(role));
            minted.put(role, Instant.now());
        }
        return tokens.get(role);
    }

    Answer get(String role, String url) throws Exception {
        return send(role, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    Answer post(String role, String url, Object body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        return send(role, HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(publisher));
    }

    /** A call that must answer {@code expected}; the answer's body. */
    JsonNode expect(int expected, Answer answer, String what) {
        if (answer.status() != expected) {
            String problem = answer.body().path("type").asText("");
            throw new IllegalStateException(what + " answered " + answer.status() + " (expected " + expected + ")"
                    + (problem.isEmpty() ? "" : ", problem " + problem.substring(problem.lastIndexOf('/') + 1)));
        }
        return answer.body();
    }

    /** Asks every {@link #POLL} until the answer satisfies {@code done}; fails after {@code timeout}. */
    JsonNode await(String role, String url, Predicate<Answer> done, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Answer answer = get(role, url);
            if (done.test(answer)) {
                return answer.body();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not reached within " + timeout.toSeconds() + " s (last "
                        + "answer " + answer.status() + ")");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private Answer send(String role, HttpRequest.Builder request) throws Exception {
        if (role != null) {
            request.header("Authorization", "Bearer " + token(role));
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = response.body().isBlank() ? json.missingNode() : json.readTree(response.body());
        } catch (Exception notJson) {
            body = json.missingNode();
        }
        return new Answer(response.statusCode(), body);
    }
}
