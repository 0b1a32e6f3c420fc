package com.justelegance.privacy.retention.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.retention.domain.RetentionProblem;
import com.justelegance.privacy.retention.repository.ErasureRepository;
import com.justelegance.privacy.retention.service.ErasureService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The proof of erasure: requests with their receipts, and the tombstone an erased subject leaves. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Erasure")
public class ErasureResource {

    private final ErasureService erasures;

    public ErasureResource(ErasureService erasures) {
        this.erasures = erasures;
    }

    @GET
    @Path("/erasure-requests/{requestId}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "An erasure the purge requested: each service's receipt, and who has not answered yet")
    @APIResponse(responseCode = "200", description = "The erasure request and its receipts")
    @APIResponse(responseCode = "404", description = "erasure-request-not-found: this service did not request the "
            + "erasure")
    public ErasureRequestView erasureRequest(
            @PathParam("requestId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String requestId) {
        ErasureService.ErasureStatus status = erasures.status(requestId).orElseThrow(() -> new ProblemException(
                RetentionProblem.ERASURE_REQUEST_NOT_FOUND, "This service did not request erasure " + requestId));
        ErasureRepository.RequestedErasure request = status.request();
        return new ErasureRequestView(request.requestId(), request.subjectRef(), request.reason(), request.runId(),
                request.requestedAt(), request.closedAt(), status.receipts().stream().map(ReceiptView::of).toList(),
                status.awaiting());
    }

    @GET
    @Path("/subjects/{subjectId}/erasure")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Whether the subject was erased: the tombstone (when, why, which request); 404 if not")
    @APIResponse(responseCode = "200", description = "The subject was erased: when, why and by which request")
    @APIResponse(responseCode = "404", description = "subject-not-erased: there is no record of the subject being "
            + "erased")
    public ErasureRepository.Tombstone tombstone(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId) {
        return erasures.tombstone(subjectId).orElseThrow(() -> new ProblemException(
                RetentionProblem.SUBJECT_NOT_ERASED, "There is no record of this subject being erased"));
    }

    /**
     * An erasure this service requested.
     *
     * @param subjectRef the keyed hash of the subject id, as in the tombstone and the audit log
     * @param closedAt   when the last expected receipt came in, or null
     * @param awaiting   the expected services that have not sent a receipt
     */
    public record ErasureRequestView(String requestId, String subjectRef, String reason, UUID runId,
                                     Instant requestedAt, Instant closedAt, List<ReceiptView> receipts,
                                     List<String> awaiting) {
    }

    /** One service's receipt: what it erased and what it kept, as codes and counts. */
    public record ReceiptView(String service, Instant completedAt, JsonNode erased, JsonNode withheld,
                              Instant receivedAt) {

        static ReceiptView of(ErasureRepository.Receipt receipt) {
            return new ReceiptView(receipt.service(), receipt.completedAt(), tree(receipt.erased()),
                    tree(receipt.withheld()), receipt.receivedAt());
        }

        private static JsonNode tree(String json) {
            try {
                return EventCodec.mapper().readTree(json);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
