package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.rest.CaseDtos.CaseView;
import com.justelegance.privacy.dsr.rest.CaseDtos.RestrictionLift;
import com.justelegance.privacy.dsr.rest.CaseDtos.RestrictionRequest;
import com.justelegance.privacy.dsr.rest.CaseDtos.RestrictionView;
import com.justelegance.privacy.dsr.service.CaseLetters;
import com.justelegance.privacy.dsr.service.Cases;
import com.justelegance.privacy.dsr.service.Restrictions;
import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Restriction of processing (Art. 18): the privacy officer puts it on, which answers the case, and lifts it later,
 * which tells the requester why. Retention, disclosure and consent honour it from the events dsr-service publishes.
 */
@Path("/api/v1/requests/{id}/restriction")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
public class CaseRestrictionResource {

    private final Restrictions restrictions;
    private final CaseLetters letters;
    private final SecurityIdentity identity;

    public CaseRestrictionResource(Restrictions restrictions, CaseLetters letters, SecurityIdentity identity) {
        this.restrictions = restrictions;
        this.letters = letters;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Restrict the processing of the case's subject: retention purges nothing, disclosure shares "
            + "nothing and tells earlier recipients, consent allows no marketing, until lifted; answers the case")
    @APIResponse(responseCode = "200", description = "The case, completed; the requester is sent the completion letter")
    @APIResponse(responseCode = "400", description = "validation-failed: the note is too long")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = "case-closed: the case was closed; case-status-conflict: not a "
            + "restriction case, its subject is not resolved, or it waits for the requester")
    public CaseView restrict(@PathParam("id") UUID id, @NotNull @Valid RestrictionRequest request) {
        Cases.CaseFile file = restrictions.restrict(id, request.note(), actor());
        letters.completion(file, Restrictions.WHAT_WAS_DONE);
        return CaseView.of(file);
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The case's restriction: since when, by whom, and whether it was lifted")
    @APIResponse(responseCode = "200", description = "The restriction")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = "not-restricted: the case put no restriction in place")
    public RestrictionView view(@PathParam("id") UUID id) {
        return restrictions.of(id).map(RestrictionView::of).orElseThrow(() -> new ProblemException(
                DsrProblem.NOT_RESTRICTED, "Case " + id + " put no restriction in place"));
    }

    @POST
    @Path("/lift")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Lift the case's restriction, with the reason, which the requester is told (Art. 18(3))")
    @APIResponse(responseCode = "200", description = "The case, with the lifting on its trail")
    @APIResponse(responseCode = "400", description = "validation-failed: no reason")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = "not-restricted: the case put no restriction in place, or it "
            + "was lifted already")
    public CaseView lift(@PathParam("id") UUID id, @NotNull @Valid RestrictionLift request) {
        Cases.CaseFile file = restrictions.lift(id, request.reason(), actor());
        letters.restrictionLifted(file, request.reason());
        return CaseView.of(file);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
