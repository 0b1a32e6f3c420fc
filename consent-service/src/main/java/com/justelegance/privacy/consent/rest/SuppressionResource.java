package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.rest.SuppressionDtos.EntriesRequest;
import com.justelegance.privacy.consent.rest.SuppressionDtos.IdentifierRequest;
import com.justelegance.privacy.consent.rest.SuppressionDtos.ScreeningRequest;
import com.justelegance.privacy.consent.rest.SuppressionDtos.ScreeningResult;
import com.justelegance.privacy.consent.rest.SuppressionDtos.Suppressed;
import com.justelegance.privacy.consent.service.SuppressionList;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

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
        return new ScreeningResult(request.identifiers().size(), suppressed.stream().map(Suppressed::of).toList());
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
