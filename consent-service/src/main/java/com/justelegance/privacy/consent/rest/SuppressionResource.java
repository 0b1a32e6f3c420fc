package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.rest.ConsentDtos.IdentifierRequest;
import com.justelegance.privacy.consent.service.SuppressionList;
import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/**
 * The suppression list from outside: screening before a send, and adding entries by hand. There is deliberately
 * no way to list or export it: it only ever answers which of the identifiers a caller already has are suppressed.
 */
@Path("/api/v1/suppression-list")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Suppression list")
public class SuppressionResource {

    private final SuppressionList suppressionList;

    public SuppressionResource(SuppressionList suppressionList) {
        this.suppressionList = suppressionList;
    }

    /** Identifiers to screen, optionally for one channel only. */
    public record ScreeningRequest(
            Channel channel,
            @NotEmpty @Size(max = ConsentCheckResource.MAX_BATCH)
            List<@NotNull @Valid IdentifierRequest> identifiers) {
    }

    /**
     * Which identifiers are suppressed, by their position in the request: nothing the caller did not send, and
     * nothing that could be turned back into an identifier.
     */
    public record ScreeningResult(int screened, List<SuppressionList.Suppressed> suppressed) {
    }

    /** Identifiers to add and the channels they must not be marketed on. */
    public record EntriesRequest(
            @NotEmpty @Size(max = 1000) List<@NotNull @Valid IdentifierRequest> identifiers,
            @NotEmpty Set<@NotNull Channel> channels) {
    }

    @POST
    @Path("/screening")
    @RolesAllowed({Roles.MARKETING, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Which of these e-mail addresses and phone numbers must not be marketed to, and on which "
            + "channels")
    @APIResponse(responseCode = "200", description = "The identifiers that must not be marketed to, and where")
    @APIResponse(responseCode = "400", description = "invalid-identifier: an identifier is not an e-mail address or "
            + "phone number that can be read")
    public ScreeningResult screen(@NotNull @Valid ScreeningRequest request) {
        List<SuppressionList.Suppressed> suppressed = suppressionList.screen(
                request.identifiers().stream().map(IdentifierRequest::raw).toList(), request.channel());
        return new ScreeningResult(request.identifiers().size(), suppressed);
    }

    @POST
    @Path("/entries")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Suppress identifiers on channels by hand (e.g. a person who is not a customer); each "
            + "only on the channels it can reach (an e-mail address on EMAIL, a phone number on SMS and PHONE)")
    @APIResponse(responseCode = "204", description = "The identifiers are suppressed")
    @APIResponse(responseCode = "400", description = "invalid-identifier: an identifier is not an e-mail address or "
            + "phone number that can be read; channel-not-applicable: an identifier reaches none of the channels "
            + "given")
    public void add(@NotNull @Valid EntriesRequest request) {
        suppressionList.add(request.identifiers().stream().map(IdentifierRequest::raw).toList(),
                request.channels());
    }
}
