package com.justelegance.privacy.retention.rest;

import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.retention.domain.LegalHold;
import com.justelegance.privacy.retention.rest.HoldDtos.HoldReasonView;
import com.justelegance.privacy.retention.rest.HoldDtos.LegalHoldRequest;
import com.justelegance.privacy.retention.rest.HoldDtos.LegalHoldView;
import com.justelegance.privacy.retention.rest.HoldDtos.OpenComplaint;
import com.justelegance.privacy.retention.rest.HoldDtos.OpenRequest;
import com.justelegance.privacy.retention.rest.HoldDtos.RestrictionView;
import com.justelegance.privacy.retention.rest.HoldDtos.SubjectHoldsView;
import com.justelegance.privacy.retention.service.Holds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Legal holds, and what holds a subject from being purged. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Holds")
public class HoldResource {

    private final Holds holds;
    private final SecurityIdentity identity;

    public HoldResource(Holds holds, SecurityIdentity identity) {
        this.holds = holds;
        this.identity = identity;
    }

    @GET
    @Path("/subjects/{subjectId}/holds")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Whether the subject is held from purging, and by what: legal holds, open complaints, "
            + "open requests, restrictions of processing")
    public SubjectHoldsView holdsOf(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId) {
        Holds.SubjectHolds subject = holds.holdsOf(subjectId);
        return new SubjectHoldsView(subject.subjectId(), subject.held(), HoldReasonView.of(subject.heldBy()),
                subject.legalHolds().stream().map(LegalHoldView::of).toList(),
                subject.openComplaints().stream().map(OpenComplaint::of).toList(),
                subject.openRequests().stream().map(OpenRequest::of).toList(),
                subject.restrictions().stream().map(RestrictionView::of).toList());
    }

    @POST
    @Path("/subjects/{subjectId}/legal-holds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Place a legal hold: the subject is not purged until it is released or ends")
    @APIResponse(responseCode = "201", description = "The hold as placed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LegalHoldView.class)))
    @APIResponse(responseCode = "400", description = "hold-end-in-past: the hold would end before today")
    public Response place(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId,
            @NotNull @Valid LegalHoldRequest request) {
        LegalHold hold = holds.placeLegalHold(subjectId, new Holds.NewLegalHold(request.reason(),
                request.reference(), request.endsOn()), identity.getPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(LegalHoldView.of(hold)).build();
    }

    @POST
    @Path("/legal-holds/{holdId}/release")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Release a legal hold; a subject past its due date is purged by the next run")
    @APIResponse(responseCode = "200", description = "The hold as released")
    @APIResponse(responseCode = "404", description = "hold-not-found: no legal hold has this id")
    @APIResponse(responseCode = "409", description = "hold-already-released: the legal hold was released before")
    public LegalHoldView release(@PathParam("holdId") UUID holdId) {
        return LegalHoldView.of(holds.releaseLegalHold(holdId, identity.getPrincipal().getName()));
    }
}
