package com.justelegance.privacy.disclosure.rest;

import com.justelegance.privacy.disclosure.domain.Recipient;
import com.justelegance.privacy.disclosure.rest.RecipientDtos.RecipientDisclosureView;
import com.justelegance.privacy.disclosure.rest.RecipientDtos.RecipientRequest;
import com.justelegance.privacy.disclosure.rest.RecipientDtos.RecipientView;
import com.justelegance.privacy.disclosure.service.DisclosureLedger;
import com.justelegance.privacy.disclosure.service.RecipientRegistry;
import com.justelegance.privacy.kit.problem.DisclosureProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** The registry of third parties that receive customers' data, and what went to each. */
@Path("/api/v1/recipients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recipients")
public class RecipientResource {

    private final RecipientRegistry registry;
    private final DisclosureLedger ledger;

    public RecipientResource(RecipientRegistry registry, DisclosureLedger ledger) {
        this.registry = registry;
        this.ledger = ledger;
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "Every registered recipient")
    public List<RecipientView> all() {
        return registry.all().stream().map(RecipientView::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "One recipient by its code")
    @APIResponse(responseCode = "200", description = "The recipient")
    @APIResponse(responseCode = "404", description = "unknown-recipient: no recipient is registered with this code")
    public RecipientView one(@PathParam("code") @Pattern(regexp = Recipient.CODE_PATTERN) String code) {
        return RecipientView.of(registry.one(code));
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Register a new recipient")
    @APIResponse(responseCode = "201", description = "The recipient as registered; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecipientView.class)))
    @APIResponse(responseCode = "400", description = "code-required: a new recipient needs a code; "
            + "invalid-recipient: the terms contradict each other or the law (a transfer without a safeguard, say)")
    @APIResponse(responseCode = "409", description = "recipient-exists: a recipient with this code is registered; "
            + "change it with PUT")
    public Response register(@NotNull @Valid RecipientRequest request, @Context UriInfo uri) {
        if (request.code() == null) {
            throw new ProblemException(DisclosureProblem.CODE_REQUIRED, "A new recipient needs a code");
        }
        Recipient recipient = registry.register(request.code(), request.terms());
        return Response.created(uri.getAbsolutePathBuilder().path(recipient.code()).build())
                .entity(RecipientView.of(recipient))
                .build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Change everything the registry says about a recipient")
    @APIResponse(responseCode = "200", description = "The recipient as changed")
    @APIResponse(responseCode = "400", description = "code-mismatch: the body's code differs from the path's; "
            + "invalid-recipient: the terms contradict each other or the law (a transfer without a safeguard, say)")
    @APIResponse(responseCode = "404", description = "unknown-recipient: no recipient is registered with this code")
    @APIResponse(responseCode = "409", description = "recipient-version-conflict: the recipient changed since "
            + "expectedVersion, or meanwhile")
    public RecipientView update(@PathParam("code") @Pattern(regexp = Recipient.CODE_PATTERN) String code,
                                @NotNull @Valid RecipientRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw new ProblemException(DisclosureProblem.CODE_MISMATCH, "The body's code differs from the path's");
        }
        return RecipientView.of(registry.update(code, request.terms(), request.expectedVersion()));
    }

    @GET
    @Path("/{code}/disclosures")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "What went to the recipient on the days from..to (inclusive, UTC), oldest first")
    @APIResponse(responseCode = "200", description = "The disclosures to the recipient, oldest first")
    @APIResponse(responseCode = "400", description = "invalid-period: to is before from")
    @APIResponse(responseCode = "404", description = "unknown-recipient: no recipient is registered with this code")
    public List<RecipientDisclosureView> disclosures(
            @PathParam("code") @Pattern(regexp = Recipient.CODE_PATTERN) String code,
            @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit) {
        return ledger.toRecipient(code, from, to, limit).stream().map(RecipientDisclosureView::of).toList();
    }
}
