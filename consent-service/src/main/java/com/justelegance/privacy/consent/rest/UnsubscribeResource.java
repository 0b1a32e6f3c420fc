package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.service.UnsubscribeLinks;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.Purpose;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/**
 * RFC 8058 one-click unsubscribe: marketing tools get a signed link per recipient to put in the
 * {@code List-Unsubscribe} header (with {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}); the mail
 * client, or the person, POSTs to it. Redemption is the only endpoint of this service that needs no login: the
 * token is the authority, and it can only unsubscribe.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Unsubscribe")
public class UnsubscribeResource {

    /** The header value RFC 8058 asks marketing messages to carry beside List-Unsubscribe. */
    static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe=One-Click";

    private final UnsubscribeLinks links;

    public UnsubscribeResource(UnsubscribeLinks links) {
        this.links = links;
    }

    /** Links for the recipients of one marketing send. */
    public record TokenRequest(
            @NotNull @Pattern(regexp = Purpose.CODE_PATTERN) String purpose,
            @NotEmpty @Size(max = ConsentCheckResource.MAX_BATCH)
            List<@NotNull @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String> subjectIds) {
    }

    /** The links, and the List-Unsubscribe-Post header value to send with them. */
    public record IssuedTokens(String purpose, Instant expiresAt, String listUnsubscribePost,
                               List<UnsubscribeLinks.IssuedLink> links) {
    }

    @POST
    @Path("/unsubscribe-tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKETING)
    @Operation(summary = "Signed one-click unsubscribe links for a marketing send, one per subject")
    public IssuedTokens issue(@NotNull @Valid TokenRequest request) {
        UnsubscribeLinks.IssuedLinks issued = links.issue(request.purpose(), request.subjectIds());
        return new IssuedTokens(issued.purpose(), issued.expiresAt(), LIST_UNSUBSCRIBE_POST, issued.links());
    }

    @POST
    @Path("/unsubscribe/{token}")
    @PermitAll
    @Operation(summary = "Redeem a one-click unsubscribe link (no login); using it again changes nothing")
    public UnsubscribeLinks.Redemption redeem(@PathParam("token") @Size(max = 512) String token) {
        return links.redeem(token);
    }
}
