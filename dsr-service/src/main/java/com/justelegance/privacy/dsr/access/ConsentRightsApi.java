package com.justelegance.privacy.dsr.access;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/**
 * Consent-service carrying out an objection to direct marketing (every marketing purpose objected to, the
 * requester's addresses on the suppression list) or a withdrawal of consent, for a data-subject request, with
 * dsr-service's own token. Both are idempotent per request id, so a retry never records a second decision. Base URL
 * and timeouts are {@code quarkus.rest-client.consent.*}; retries and the circuit breaker are on
 * {@link SourceCalls}.
 */
@RegisterRestClient(configKey = "consent")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ConsentRightsApi {

    @POST
    @Path("/api/v1/subjects/{subjectId}/marketing-objection")
    ConsentChange objectToMarketing(@PathParam("subjectId") String subjectId, ObjectionRequest request);

    @POST
    @Path("/api/v1/subjects/{subjectId}/consent-withdrawal")
    ConsentChange withdrawConsent(@PathParam("subjectId") String subjectId, WithdrawalRequest request);

    /**
     * An objection to direct marketing. (Two request types, not one with an unused field: the services refuse
     * fields they do not know.)
     *
     * @param requestId          the case's id: proof of where the decision came from, and the idempotency key
     * @param contactIdentifiers the requester's addresses, for the suppression list (kept there only as keyed hashes)
     */
    record ObjectionRequest(String requestId, List<ContactIdentifier> contactIdentifiers) {
    }

    /**
     * A withdrawal of consent.
     *
     * @param requestId          the case's id, as above
     * @param purposes           the purpose codes; empty for every purpose granted by consent
     * @param contactIdentifiers the requester's addresses, so that a withdrawn marketing channel suppresses them
     */
    record WithdrawalRequest(String requestId, List<String> purposes, List<ContactIdentifier> contactIdentifiers) {
    }

    /** An e-mail address ({@code EMAIL}) or phone number ({@code PHONE}). */
    record ContactIdentifier(String type, String value) {
    }

    /** The decision consent-service recorded, the purposes whose state it changed, the suppression entries added. */
    record ConsentChange(UUID decisionId, List<String> purposesChanged, int suppressionEntriesAdded) {
    }

    /** 4xx: refused (an unknown purpose, a wrong token), not retried; 5xx: unavailable (see {@link SourceFailure}). */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return SourceFailure.forStatus(response.getStatus());
    }
}
