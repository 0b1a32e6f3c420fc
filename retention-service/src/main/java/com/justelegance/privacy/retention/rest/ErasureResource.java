package com.justelegance.privacy.retention.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.kit.erasure.ErasureReceipts;
import com.justelegance.privacy.kit.erasure.SubjectTombstones;
import com.justelegance.privacy.retention.service.SubjectErasure;
import com.justelegance.privacy.retention.domain.RetentionProblem;
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

    private final ErasureReceipts receipts;
    private final SubjectErasure erasure;

    public ErasureResource(ErasureReceipts receipts, SubjectErasure erasure) {
        this.receipts = receipts;
        this.erasure = erasure;
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
        ErasureReceipts.ErasureStatus status = receipts.status(requestId).orElseThrow(() -> new ProblemException(
                RetentionProblem.ERASURE_REQUEST_NOT_FOUND, "This service did not request erasure " + requestId));
        ErasureReceipts.RequestedErasure request = status.request();
        return new ErasureRequestView(request.requestId(), request.subjectRef(), request.reason().name(),
                request.groupId(), request.requestedAt(), request.closedAt(),
                status.receipts().stream().map(ReceiptView::of).toList(), status.awaiting(), status.overdue());
    }

    @GET
    @Path("/subjects/{subjectId}/erasure")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Whether the subject was erased: the tombstone (when, why, which request); 404 if not")
    @APIResponse(responseCode = "200", description = "The subject was erased: when, why and by which request")
    @APIResponse(responseCode = "404", description = "subject-not-erased: there is no record of the subject being "
            + "erased")
    public TombstoneView tombstone(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId) {
        return erasure.tombstone(subjectId).map(TombstoneView::of).orElseThrow(() -> new ProblemException(
                RetentionProblem.SUBJECT_NOT_ERASED, "There is no record of this subject being erased"));
    }

    /**
     * An erasure this service requested.
     *
     * @param subjectRef the keyed hash of the subject id, as in the tombstone and the audit log
     * @param closedAt   when the last expected receipt came in, or null
     * @param runId      the purge run that requested it
     * @param awaiting   the expected services that have not sent a receipt
     * @param overdue    whether a receipt is still missing after the time allowed
     */
    public record ErasureRequestView(String requestId, String subjectRef, String reason, UUID runId,
                                     Instant requestedAt, Instant closedAt, List<ReceiptView> receipts,
                                     List<String> awaiting, boolean overdue) {
    }

    /**
     * What remains of an erased subject here.
     *
     * @param reason        why it was last erased; null for a tombstone older than reasons
     * @param erasures      how many erasure requests erased it
     * @param lateArrivalAt when data last arrived after the erasure, or null
     */
    public record TombstoneView(String subjectRef, Instant erasedAt, String reason, String requestId, int erasures,
                                Instant lateArrivalAt) {

        static TombstoneView of(SubjectTombstones.Tombstone tombstone) {
            return new TombstoneView(tombstone.subjectRef(), tombstone.erasedAt(),
                    tombstone.reason() == null ? null : tombstone.reason().name(), tombstone.requestId(),
                    tombstone.erasures(), tombstone.lateArrivalAt());
        }
    }

    /** One service's receipt: what it erased and what it kept, as codes and counts. */
    public record ReceiptView(String service, Instant completedAt, JsonNode erased, JsonNode withheld,
                              Instant receivedAt) {

        static ReceiptView of(ErasureReceipts.Receipt receipt) {
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
