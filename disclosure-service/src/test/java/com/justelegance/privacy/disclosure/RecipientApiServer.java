package com.justelegance.privacy.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A recipient's notice API, for real: an HTTP server on a free local port that records every notice posted to it
 * and answers with the statuses a test scripts (200 once the script runs out). {@link #NO_ANSWER} in the script
 * keeps that post waiting without an answer until the server closes, as a hung recipient would: the client's
 * timeout must end it.
 */
final class RecipientApiServer implements AutoCloseable {

    /** Scripted instead of a status: receive the post and never answer it (recorded as answered with 0). */
    static final int NO_ANSWER = 0;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    // Posts are handled on their own threads, so one left hanging does not hold up the next.
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Queue<Integer> scriptedStatuses = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** A post the server received: its path, content type, body and idempotency key, and the status it answered. */
    record Received(String path, String contentType, JsonNode body, String idempotencyKey, int answeredWith) {
    }

    private RecipientApiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/notices", this::answer);
        server.setExecutor(handlers);
        server.start();
    }

    /** Starts a server that answers each post with the given statuses in turn, then 200. */
    static RecipientApiServer answering(Integer... statuses) {
        try {
            RecipientApiServer api = new RecipientApiServer();
            api.scriptedStatuses.addAll(List.of(statuses));
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String noticeUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notices";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            Integer scripted = scriptedStatuses.poll();
            int status = scripted == null ? 200 : scripted;
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body,
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), status));
            if (status == NO_ANSWER) {
                awaitClosing();
                return;
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private void awaitClosing() {
        try {
            closing.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
