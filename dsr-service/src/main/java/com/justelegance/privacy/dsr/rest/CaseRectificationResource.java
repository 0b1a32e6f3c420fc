package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.rest.CaseDtos.CaseView;
import com.justelegance.privacy.dsr.rest.CaseDtos.RectificationRequest;
import com.justelegance.privacy.dsr.rest.CaseDtos.RectificationView;
import com.justelegance.privacy.dsr.service.Rectifications;
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
 * Rectification: the privacy officer records what is corrected; the systems that hold the data are told which
 * categories changed ({@code RectificationRequested}) and fetch the corrected values here.
 */
@Path("/api/v1/requests/{id}/rectification")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
public class CaseRectificationResource {

    private final Rectifications rectifications;
    private final SecurityIdentity identity;

    public CaseRectificationResource(Rectifications rectifications, SecurityIdentity identity) {
        this.rectifications = rectifications;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Record the corrections (kept encrypted on the case) and tell the data's holders and the "
            + "recipients' ledger which categories changed, never the values")
    @APIResponse(responseCode = "200", description = "The case, in progress")
    @APIResponse(responseCode = "400", description = "validation-failed: no categories, an unknown one, or no "
            + "corrections")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = "case-closed: the case was closed; case-status-conflict: not a "
            + "rectification case, its subject is not resolved, it waits for the requester, or it was sent before")
    public CaseView request(@PathParam("id") UUID id, @NotNull @Valid RectificationRequest request) {
        return CaseView.of(rectifications.request(id, request.categories(), request.corrections(),
                identity.getPrincipal().getName()));
    }

    @GET
    @RolesAllowed({Roles.STOREFRONT, Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(summary = "The corrections to apply, for the system that holds the data (the storefront); audited")
    @APIResponse(responseCode = "200", description = "The categories and the corrected values")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id; "
            + "rectification-not-requested: no rectification was sent for the case")
    public RectificationView read(@PathParam("id") UUID id) {
        return RectificationView.of(rectifications.read(id));
    }
}
