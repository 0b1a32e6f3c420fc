package com.justelegance.privacy.retention.rest;

import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.kit.erasure.ErasureReceipts;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.problem.RetentionProblem;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.retention.rest.ErasureDtos.ErasureRequestView;
import com.justelegance.privacy.retention.rest.ErasureDtos.ReceiptView;
import com.justelegance.privacy.retention.rest.ErasureDtos.TombstoneView;
import com.justelegance.privacy.retention.service.SubjectErasure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

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
    @Path("/erasure-requests/overdue")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The erasures still waiting for a service's receipt after the time allowed, oldest first")
    @APIResponse(responseCode = "200", description = "The overdue erasures, each with the services not answered yet")
    public List<ErasureRequestView> overdue(
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return receipts.overdue(limit).stream().map(ErasureResource::view).toList();
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
        return view(receipts.status(requestId).orElseThrow(() -> new ProblemException(
                RetentionProblem.ERASURE_REQUEST_NOT_FOUND, "This service did not request erasure " + requestId)));
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

    private static ErasureRequestView view(ErasureReceipts.ErasureStatus status) {
        ErasureReceipts.RequestedErasure request = status.request();
        return new ErasureRequestView(request.requestId(), request.subjectRef(), request.reason().name(),
                request.groupId(), request.requestedAt(), request.closedAt(),
                status.receipts().stream().map(ReceiptView::of).toList(), status.awaiting(), status.overdue());
    }
}
