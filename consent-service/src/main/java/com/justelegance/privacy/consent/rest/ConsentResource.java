package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.domain.ConsentChoice;
import com.justelegance.privacy.consent.service.ConsentLedger;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** A subject's consent decisions and current consents. */
@Path("/api/v1/subjects/{subjectId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents")
public class ConsentResource {

    private final ConsentLedger ledger;

    public ConsentResource(ConsentLedger ledger) {
        this.ledger = ledger;
    }

    @POST
    @Path("/consent-decisions")
    @RolesAllowed({Roles.STOREFRONT, Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Record a person's choices for one or more purposes, with proof of how they were made")
    public Response recordDecision(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId,
            @NotNull @Valid ConsentDtos.DecisionRequest request) {
        long distinct = request.choices().stream().map(ConsentDtos.ChoiceRequest::purpose).distinct().count();
        if (distinct != request.choices().size()) {
            throw ProblemException.badRequest("duplicate-purpose", "Each purpose may appear once per decision");
        }
        List<ConsentChoice> choices = request.choices().stream()
                .map(choice -> new ConsentChoice(choice.purpose(), choice.state()))
                .toList();
        ConsentLedger.RecordedDecision recorded = ledger.record(subjectId, new ConsentLedger.NewDecision(
                request.policyVersion(), request.source(), request.method(), request.decidedAt(), choices));
        return Response.status(Response.Status.CREATED)
                .entity(new ConsentDtos.DecisionRecorded(recorded.decisionId(), recorded.recordedAt(),
                        recorded.changedPurposes()))
                .build();
    }

    @GET
    @Path("/consents")
    @RolesAllowed({Roles.STOREFRONT, Roles.MARKETING, Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER,
            Roles.AUDITOR})
    @Operation(summary = "The subject's current state for every purpose they have decided on")
    public List<ConsentDtos.CurrentConsentView> currentConsents(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId) {
        return ledger.currentConsents(subjectId).stream()
                .map(c -> new ConsentDtos.CurrentConsentView(c.purposeCode(), c.state(), c.since(), c.decisionId()))
                .toList();
    }
}
