package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.rest.PurposeDtos.PurposeRequest;
import com.justelegance.privacy.consent.rest.PurposeDtos.PurposeView;
import com.justelegance.privacy.consent.service.PurposeCatalogue;
import com.justelegance.privacy.events.codes.Purpose;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

import java.util.List;

/** The purpose catalogue: readable by every role, kept by the privacy officer. */
@Path("/api/v1/purposes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Purposes")
public class PurposeResource {

    private final PurposeCatalogue catalogue;

    public PurposeResource(PurposeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @RolesAllowed({Roles.STOREFRONT, Roles.MARKETING, Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER,
            Roles.AUDITOR, Roles.PRIVACY_CENTRE})
    @Operation(summary = "Every purpose, with its channel, lawful basis and flags")
    public List<PurposeView> all() {
        return catalogue.all().stream().map(PurposeView::of).toList();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Add a purpose (201), or change an existing one's terms from the version read (200); "
            + "an existing code without expectedVersion, or a stale expectedVersion, is a conflict (409)")
    @APIResponse(responseCode = "201", description = "The purpose was added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PurposeView.class)))
    @APIResponse(responseCode = "200", description = "The purpose's terms were changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PurposeView.class)))
    @APIResponse(responseCode = "400", description = "inconsistent-purpose: the purpose's terms contradict each "
            + "other")
    @APIResponse(responseCode = "404", description = "unknown-purpose: expectedVersion was sent for a purpose that "
            + "does not exist")
    @APIResponse(responseCode = "409", description = "purpose-exists: the purpose exists and no expectedVersion was "
            + "sent; purpose-version-conflict: the purpose changed since the version in expectedVersion")
    public Response put(@PathParam("code") @Pattern(regexp = Purpose.CODE_PATTERN) String code,
                        @NotNull @Valid PurposeRequest request) {
        PurposeCatalogue.Saved saved = catalogue.save(code, request.terms(), request.expectedVersion());
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(PurposeView.of(saved.purpose()))
                .build();
    }
}
