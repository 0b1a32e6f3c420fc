package com.justelegance.privacy.dsr.access;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.util.KeyUtils;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small real HTTP stand-ins for the data sources dsr-service gathers access packages from, which do not run in this
 * module's tests: consent-service's export, retention-service's timeline, disclosure-service's disclosures and the
 * storefront's data-source API, each under its own path prefix of one JDK {@link HttpServer} on a free port. Not
 * mocks of our code: dsr-service really calls them over HTTP with its REST clients, token and fault tolerance.
 *
 * <p>Each answers with a recorded document ({@code src/test/resources/stand-ins/}) shaped exactly as the real API
 * answers (consent's {@code SubjectExport}, retention's {@code TimelineView}, disclosure's
 * {@code SubjectDisclosureView} list, the storefront's data-source contract), with the subject id asked for put in.
 * Like the real ones, each checks the bearer token: an RS256 JWT from the test issuer holding the role
 * {@code dsr-service} (else 401 or 403); disclosure-service leaves withheld disclosures and the officer's notes out
 * unless {@code includeWithheld=true}.
 *
 * <p>What the tests steer by the subject id: {@code unknown-...} is known to no source (retention and the storefront
 * answer 404; consent and disclosure hold nothing); {@code down-<source>-...} makes that source answer 503 every
 * time ({@code down-storefront-...}), as a source that is down.
 */
public class DataSourceStandIns implements QuarkusTestResourceLifecycleManager {

    private static final Pattern CALL = Pattern.compile(
            "^/(consent|retention|disclosure|storefront)(/api/v1/subjects/|/data-source/v1/subjects/)"
                    + "([A-Za-z0-9_:-]+)/(export|timeline|disclosures|data)$");

    private static final Pattern CONSENT_RIGHT = Pattern.compile(
            "^/consent/api/v1/subjects/([A-Za-z0-9_:-]+)/(marketing-objection|consent-withdrawal)$");
    private static final Pattern RECEIVED = Pattern.compile("^/consent/received/([A-Za-z0-9_:-]+)$");

    private final Map<String, String> consentRightsReceived = new java.util.concurrent.ConcurrentHashMap<>();
    private HttpServer server;
    private JwtConsumer tokens;

    @Override
    public Map<String, String> start() {
        try {
            PublicKey key = KeyUtils.readPublicKey("privacy-test-keys/publicKey.pem");
            tokens = new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer(TestTokens.ISSUER)
                    .setExpectedAudience(TestTokens.AUDIENCE)
                    .setRequireExpirationTime().setRequireIssuedAt().build();
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::answer);
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("The data-source stand-ins did not start", e);
        }
        String base = "http://localhost:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.rest-client.consent.url", base + "/consent",
                "quarkus.rest-client.retention.url", base + "/retention",
                "quarkus.rest-client.disclosure.url", base + "/disclosure",
                "quarkus.rest-client.storefront.url", base + "/storefront");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals("/storefront/data-source/v1/subjects")) {
                lookUp(exchange);
                return;
            }
            Matcher right = CONSENT_RIGHT.matcher(exchange.getRequestURI().getPath());
            if ("POST".equals(exchange.getRequestMethod()) && right.matches()) {
                consentRight(exchange, right.group(1), right.group(2));
                return;
            }
            Matcher received = RECEIVED.matcher(exchange.getRequestURI().getPath());
            if (received.matches()) {
                String body = consentRightsReceived.get(received.group(1));
                send(exchange, body == null ? 404 : 200, body == null ? notFound() : body);
                return;
            }
            Matcher call = CALL.matcher(exchange.getRequestURI().getPath());
            if (!"GET".equals(exchange.getRequestMethod()) || !call.matches()) {
                send(exchange, 404, "{\"status\": 404}");
                return;
            }
            int refused = refusal(exchange.getRequestHeaders().getFirst("Authorization"));
            if (refused != 0) {
                send(exchange, refused, "{\"status\": " + refused + "}");
                return;
            }
            String source = call.group(1);
            String subject = call.group(3);
            if (subject.startsWith("down-" + source + "-")) {
                send(exchange, 503, "{\"status\": 503}");
                return;
            }
            boolean unknown = subject.startsWith("unknown-");
            String query = exchange.getRequestURI().getQuery();
            switch (source) {
                case "consent" -> send(exchange, 200, unknown ? """
                        {"subjectId": "%s", "exportedAt": "2026-11-30T12:00:00Z", "currentConsents": [], "history": [],
                         "receipts": [], "suppressedChannels": [], "knownOrders": []}""".formatted(subject)
                        : recorded("consent-export.json", subject));
                case "retention" -> send(exchange, unknown ? 404 : 200, unknown ? notFound()
                        : recorded("retention-timeline.json", subject));
                case "disclosure" -> send(exchange, 200, unknown ? "[]"
                        : query != null && query.contains("includeWithheld=true")
                        ? recorded("disclosures.json", subject) : withoutWithheld());
                default -> send(exchange, unknown ? 404 : 200, unknown ? notFound()
                        : recorded("storefront-data.json", subject));
            }
        }
    }

    /**
     * The storefront's customer look-up ({@code ?email=}, one identifier kind per call, as the real one): an address
     * {@code match.<x>@...} is the customer {@code shop-<x>}, {@code twins.<x>@...} two customers, any other nobody.
     */
    private void lookUp(HttpExchange exchange) throws IOException {
        int refused = refusal(exchange.getRequestHeaders().getFirst("Authorization"));
        if (refused != 0) {
            send(exchange, refused, "{\"status\": " + refused + "}");
            return;
        }
        String query = java.net.URLDecoder.decode(String.valueOf(exchange.getRequestURI().getRawQuery()),
                java.nio.charset.StandardCharsets.UTF_8);
        Matcher email = Pattern.compile("^email=(match|twins)\\.([A-Za-z0-9-]+)@").matcher(query);
        if (!email.find()) {
            send(exchange, 200, "{\"subjectIds\": []}");
            return;
        }
        String id = "shop-" + email.group(2);
        send(exchange, 200, email.group(1).equals("match") ? "{\"subjectIds\": [\"" + id + "\"]}"
                : "{\"subjectIds\": [\"" + id + "-a\", \"" + id + "-b\"]}");
    }

    /**
     * Consent-service carrying out an objection or a withdrawal: keeps what it was sent (the tests read it back from
     * {@code GET /consent/received/<subject>}, as what consent-service would have recorded) and answers as the real
     * one does. A purpose {@code NO_SUCH_PURPOSE} is refused with 400, as one missing from the catalogue.
     */
    private void consentRight(HttpExchange exchange, String subject, String right) throws IOException {
        int refused = refusal(exchange.getRequestHeaders().getFirst("Authorization"));
        if (refused != 0) {
            send(exchange, refused, "{\"status\": " + refused + "}");
            return;
        }
        if (subject.startsWith("down-consent-")) {
            send(exchange, 503, "{\"status\": 503}");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (body.contains("NO_SUCH_PURPOSE")) {
            send(exchange, 400, "{\"status\": 400}");
            return;
        }
        consentRightsReceived.put(subject, "{\"right\": \"" + right + "\", \"request\": " + body + "}");
        String changed = right.equals("marketing-objection") ? "[\"EMAIL_MARKETING\", \"SMS_MARKETING\"]"
                : body.contains("\"purposes\":[\"") ? body.replaceAll("(?s).*\"purposes\":(\\[[^]]*]).*", "$1")
                : "[\"EMAIL_MARKETING\"]";
        long suppressed = right.equals("marketing-objection") ? body.split("\"type\"", -1).length - 1 : 0;
        send(exchange, 200, "{\"decisionId\": \"" + java.util.UUID.randomUUID() + "\", \"purposesChanged\": "
                + changed + ", \"suppressionEntriesAdded\": " + suppressed + "}");
    }

    /** 0 for a token the real services accept from dsr-service; else 401 or 403. */
    private int refusal(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return 401;
        }
        try {
            JwtClaims claims = tokens.processToClaims(authorization.substring("Bearer ".length()));
            long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
            if (lifetime > 3600) {
                return 401; // longer than the services accept for a service role
            }
            return claims.getStringListClaimValue("groups").contains(Roles.DSR_SERVICE) ? 0 : 403;
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            return 401;
        }
    }

    private static String withoutWithheld() {
        return """
                [{"id": 101, "recipient": "DPD", "recipientName": "DPD UK", "recipientCategory": "DELIVERY",
                  "source": "ORDER_EVENT", "reference": "ord-k3f9x-12-1",
                  "dataCategories": ["CONTACT_NAME", "DELIVERY_ADDRESS", "PHONE"], "legalBasis": "CONTRACT",
                  "disclosedAt": "2026-02-11T18:03:10Z"}]""";
    }

    private static String notFound() {
        return "{\"type\": \"https://privacy.justelegance.com/problems/subject-not-found\", "
                + "\"title\": \"Subject not found\", \"status\": 404}";
    }

    private static String recorded(String file, String subject) throws IOException {
        try (InputStream in = DataSourceStandIns.class.getClassLoader()
                .getResourceAsStream("stand-ins/" + file)) {
            if (in == null) {
                throw new IOException("stand-ins/" + file + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{subjectId}}", subject);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 && status != 503
                ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
