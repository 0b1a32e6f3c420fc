package com.justelegance.privacy.dsr.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The storefront's data-source API ({@code GET /data-source/v1/subjects/{id}/data}, and the customer look-up
 * {@code GET /data-source/v1/subjects?email=|phone=|customerNumber=}, see
 * tools/storefront-simulator/README.md; 404 when it holds nothing), called with dsr-service's own
 * token ({@link ServiceTokenHeaders}). Its base URL, connect and read timeouts are
 * {@code quarkus.rest-client.storefront.*};
 * retries and the circuit breaker are on {@link SourceCalls}. The answer is kept as the source gave it: the
 * package shows each source's data in that source's own shape.
 */
@RegisterRestClient(configKey = "storefront")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Produces(MediaType.APPLICATION_JSON)
public interface StorefrontDataApi {

    @GET
    @Path("/data-source/v1/subjects/{subjectId}/data")
    JsonNode data(@PathParam("subjectId") String subjectId);

    /** The customers with this identifier: {@code {"subjectIds": [...]}}; one identifier kind per call. */
    @GET
    @Path("/data-source/v1/subjects")
    JsonNode lookUp(@QueryParam("email") String email, @QueryParam("phone") String phone,
                    @QueryParam("customerNumber") String customerNumber);

    /** 404: holds nothing about the subject; another 4xx: refused; a 5xx: unavailable (see {@link SourceFailure}). */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return SourceFailure.forStatus(response.getStatus());
    }
}
