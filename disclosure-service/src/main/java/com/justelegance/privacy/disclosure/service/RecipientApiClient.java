package com.justelegance.privacy.disclosure.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.disclosure.config.DisclosureConfig;
import com.justelegance.privacy.disclosure.domain.NoticeKind;
import com.justelegance.privacy.events.codes.DataCategory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Posts Art. 19 notices to recipients' HTTP APIs as JSON, with the notice id as idempotency key so a repeated
 * post is harmless. Says whether the recipient accepted the notice, refused it for good, or could not be reached.
 */
@ApplicationScoped
public class RecipientApiClient {

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;

    public RecipientApiClient(ObjectMapper json, DisclosureConfig config) {
        this.json = json;
        this.timeout = config.notices().requestTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** What a notice says to the recipient: ids, codes and the recipient's own references, never personal data. */
    public record NoticeMessage(UUID noticeId, NoticeKind kind, String requestId, String controller,
                                String recipient, List<String> references, List<DataCategory> dataCategories,
                                Instant issuedAt, Instant respondBy) {
    }

    /** How a post ended. */
    public sealed interface Outcome {
    }

    /** A 2xx answer: the recipient has the notice. */
    public record Accepted(int status) implements Outcome {
    }

    /** A 4xx answer other than a timeout or rate limit, or an unusable endpoint: posting again would not help. */
    public record Refused(String reason) implements Outcome {
    }

    /** No answer, a 5xx, a timeout or a rate limit: worth trying again later. */
    public record Unreachable(String reason) implements Outcome {
    }

    public Outcome post(String endpoint, NoticeMessage message) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(endpoint))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", message.noticeId().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message)))
                    .build();
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return new Refused("the registered endpoint is not a usable URL");
        }
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return new Accepted(status);
            }
            if (status >= 400 && status < 500 && status != 408 && status != 425 && status != 429) {
                return new Refused("HTTP " + status);
            }
            return new Unreachable("HTTP " + status);
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return new Unreachable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreachable("interrupted");
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
