package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.domain.Purpose;
import com.justelegance.privacy.consent.domain.PurposeTerms;
import com.justelegance.privacy.consent.service.PurposeCatalogue;
import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
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

    /**
     * A purpose's terms as the privacy officer sets them.
     *
     * @param expectedVersion absent to add a purpose; to change one, the version read from the catalogue (a change
     *                        made meanwhile by someone else makes this one a conflict instead of overwriting it)
     */
    public record PurposeRequest(@NotNull Channel channel, @NotNull LawfulBasis lawfulBasis,
                                 @NotBlank @Size(max = 500) String description, boolean softOptInAllowed,
                                 boolean saleOrSharing, boolean directMarketing,
                                 @Size(max = 30) List<@NotNull DataCategory> dataCategories,
                                 @Size(max = 200) String thirdPartyName,
                                 @Positive Long expectedVersion) {

        PurposeTerms terms() {
            return new PurposeTerms(channel, lawfulBasis, description, softOptInAllowed, saleOrSharing,
                    directMarketing, dataCategories, thirdPartyName);
        }
    }

    /** A purpose of the catalogue, with the version a change must name as expectedVersion. */
    public record PurposeView(String code, Channel channel, LawfulBasis lawfulBasis, String description,
                              boolean softOptInAllowed, boolean saleOrSharing, boolean directMarketing,
                              List<DataCategory> dataCategories, String thirdPartyName, long version) {

        static PurposeView of(Purpose p) {
            return new PurposeView(p.code(), p.channel(), p.lawfulBasis(), p.description(), p.softOptInAllowed(),
                    p.saleOrSharing(), p.directMarketing(), p.dataCategories(), p.thirdPartyName(), p.version());
        }
    }

    @GET
    @RolesAllowed({Roles.STOREFRONT, Roles.MARKETING, Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER,
            Roles.AUDITOR})
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
    public Response put(@PathParam("code") @Pattern(regexp = com.justelegance.privacy.events.codes.Purpose.CODE_PATTERN)
                        String code,
                        @NotNull @Valid PurposeRequest request) {
        PurposeCatalogue.Saved saved = catalogue.save(code, request.terms(), request.expectedVersion());
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(PurposeView.of(saved.purpose()))
                .build();
    }
}
