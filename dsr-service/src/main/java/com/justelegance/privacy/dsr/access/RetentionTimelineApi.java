package com.justelegance.privacy.dsr.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Retention-service's timeline of a subject ({@code GET /api/v1/subjects/{id}/timeline}; 404 when it
 * holds none), called with dsr-service's own
 * token ({@link ServiceTokenHeaders}). Its base URL, connect and read timeouts are
 * {@code quarkus.rest-client.retention.*};
 * retries and the circuit breaker are on {@link SourceCalls}. The answer is kept as the source gave it: the
 * package shows each source's data in that source's own shape.
 */
@RegisterRestClient(configKey = "retention")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Produces(MediaType.APPLICATION_JSON)
public interface RetentionTimelineApi {

    @GET
    @Path("/api/v1/subjects/{subjectId}/timeline")
    JsonNode timeline(@PathParam("subjectId") String subjectId);

    /** 404: holds nothing about the subject; another 4xx: refused; a 5xx: unavailable (see {@link SourceFailure}). */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return SourceFailure.forStatus(response.getStatus());
    }
}
