package com.justelegance.privacy.console.staff;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small real HTTP stand-in for dsr-service's case API (which does not run in this module's tests): the console's
 * REST client really calls it. It answers the queue, the search, an access package's preview and release with
 * recorded documents shaped as dsr-service answers them, and keeps every call it got (method, path with query,
 * body) for the tests to check what the console sent, and where.
 */
public class DsrStandIn implements QuarkusTestResourceLifecycleManager {

    /** A call as the stand-in received it. */
    public record Call(String method, String target, String body) {
    }

    static final String CASE_ID = "7d0a4f5e-1111-4a6b-9c1d-000000000001";
    static final String UNKNOWN_CASE_ID = "7d0a4f5e-1111-4a6b-9c1d-00000000dead";

    private static final String ROWS = """
            [{"id": "%s", "reference": "DSR-2026-000101", "type": "ACCESS", "channel": "EMAIL",
              "status": "IN_PROGRESS", "receivedOn": "2026-03-02", "dueOn": "2026-04-02", "daysLeft": 12,
              "paused": false, "extended": true, "overdue": false, "receiptsOverdue": false,
              "assignee": "agent-7", "closedAt": null, "decidedBy": null, "decidedAt": null},
             {"id": "7d0a4f5e-1111-4a6b-9c1d-000000000002", "reference": "DSR-2026-000102", "type": "ERASURE",
              "channel": "PHONE", "status": "COMPLETED", "receivedOn": "2026-02-01", "dueOn": "2026-03-02",
              "daysLeft": null, "paused": false, "extended": false, "overdue": false, "receiptsOverdue": false,
              "assignee": null, "closedAt": "2026-02-20T10:00:00Z", "decidedBy": "=officer-1",
              "decidedAt": "2026-02-20T10:00:00Z"},
             {"id": "7d0a4f5e-1111-4a6b-9c1d-000000000003", "reference": "DSR-2026-000103", "type": null,
              "channel": "POST", "status": "AWAITING_IDENTITY", "receivedOn": "2026-03-01", "dueOn": null,
              "daysLeft": null, "paused": true, "extended": false, "overdue": false, "receiptsOverdue": false,
              "assignee": null, "closedAt": null, "decidedBy": null, "decidedAt": null}]""".formatted(CASE_ID);

    private static final String PREVIEW = """
            {"caseId": "%s", "caseReference": "DSR-2026-000101", "packageId": "7d0a4f5e-2222-4a6b-9c1d-000000000001",
             "preparedAt": "2026-03-10T09:00:00Z", "preparedBy": "officer-1", "complete": true,
             "missingSources": [], "link": "AWAITING_RELEASE",
             "document": {"caseReference": "DSR-2026-000101", "complete": true, "sections": {
                "storefront": {"source": "storefront", "title": "Your account and orders",
                               "holds": "Your name, contact details, addresses and orders", "outcome": "INCLUDED",
                               "data": {"identity": {"firstName": "Amelia", "lastName": "Hughes"}}},
                "retention-service": {"source": "retention-service", "title": "How long we keep your data",
                                      "holds": "Your retention timeline", "outcome": "NOTHING_HELD", "data": null}}},
             "withheldFromRequester": [{"source": "disclosure-service", "recipient": "WMP",
                "recipientName": "West Midlands Police", "recipientCategory": "LAW_ENFORCEMENT",
                "reference": "WMP-2026-0042", "disclosedAt": "2026-02-01T12:00:00Z",
                "dataCategories": ["CONTACT", "DELIVERY_ADDRESS"]}]}""".formatted(CASE_ID);

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("The dsr-service stand-in could not start", e);
        }
        // No executor of its own: the server's dispatcher answers each call (they are instant), and nothing is left
        // running when the stand-in stops.
        server.createContext("/", this::answer);
        server.start();
        return Map.of("quarkus.rest-client.dsr.url", "http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.MatchesType(DsrStandIn.class));
    }

    /** The calls received so far. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public void forget() {
        calls.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(method, path + (query == null ? "" : "?" + query), body));
        String access = "/api/v1/requests/" + CASE_ID + "/access-package";
        if ("GET".equals(method) && "/api/v1/requests".equals(path)) {
            send(exchange, 200, ROWS);
        } else if ("POST".equals(method) && "/api/v1/requests/search".equals(path)) {
            if (body.contains("\"email\":\"@")) {
                send(exchange, 400, problem(400, "Validation failed", "email is not a well-formed address"));
            } else {
                send(exchange, 200, ROWS.substring(0, ROWS.indexOf("},") + 1) + "]");
            }
        } else if ("GET".equals(method) && (access + "/preview").equals(path)) {
            send(exchange, 200, PREVIEW);
        } else if ("POST".equals(method) && (access + "/release").equals(path)) {
            send(exchange, 200, "{\"link\": \"ACTIVE\"}");
        } else if ("POST".equals(method) && access.equals(path)) {
            send(exchange, 200, "{\"link\": \"AWAITING_RELEASE\"}");
        } else if (path.startsWith("/api/v1/requests/" + UNKNOWN_CASE_ID)) {
            send(exchange, 404, problem(404, "Case not found", "There is no case"));
        } else {
            send(exchange, 404, problem(404, "Not found", "The stand-in does not answer this"));
        }
    }

    private static String problem(int status, String title, String detail) {
        return "{\"type\": \"https://privacy.justelegance.com/problems/x\", \"title\": \"" + title + "\", \"status\": "
                + status + ", \"detail\": \"" + detail + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
