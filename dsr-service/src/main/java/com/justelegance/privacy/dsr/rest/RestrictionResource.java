package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.service.Restrictions;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The restrictions of processing in force across all cases: a restriction outlives its case, which is closed once
 * it is in place, so the work queue no longer shows it; this list is where the privacy officer finds them to review.
 */
@Path("/api/v1/restrictions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
public class RestrictionResource {

    private final Restrictions restrictions;

    public RestrictionResource(Restrictions restrictions) {
        this.restrictions = restrictions;
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The restrictions in force, oldest first, with their case and subject")
    @APIResponse(responseCode = "200", description = "The restrictions in force (none: an empty list)")
    @APIResponse(responseCode = "400", description = "invalid-parameter: a limit out of range")
    public List<Restrictions.InForce> inForce(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return restrictions.inForce(limit);
    }
}
