package com.justelegance.privacy.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Submits consent choices to consent-service with the storefront's bearer token. */
final class ConsentApiClient {

    private static final String POLICY_VERSION = "2026-11";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUri;
    private final String bearerToken;

    ConsentApiClient(URI baseUri, String bearerToken) {
        this.baseUri = baseUri;
        this.bearerToken = bearerToken;
    }

    /** Returns the HTTP status consent-service answered with. */
    int decide(StorefrontAction.DecideConsent decision) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        baseUri.resolve("/api/v1/subjects/" + decision.subjectId() + "/consent-decisions"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + bearerToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(decision.requestBody(POLICY_VERSION)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
