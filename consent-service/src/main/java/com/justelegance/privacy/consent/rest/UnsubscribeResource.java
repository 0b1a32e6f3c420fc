package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.rest.UnsubscribeDtos.IssuedLink;
import com.justelegance.privacy.consent.rest.UnsubscribeDtos.IssuedTokens;
import com.justelegance.privacy.consent.rest.UnsubscribeDtos.Redemption;
import com.justelegance.privacy.consent.rest.UnsubscribeDtos.TokenRequest;
import com.justelegance.privacy.consent.service.UnsubscribeLinks;
import com.justelegance.privacy.kit.problem.Problem;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.security.Roles;
import io.smallrye.faulttolerance.api.RateLimit;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * RFC 8058 one-click unsubscribe: marketing tools get a signed link per recipient to put in the
 * {@code List-Unsubscribe} header (with {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}); the mail
 * client, or the person, POSTs to it. Opened in a browser, the link shows a page with the same one-click form as
 * a button. Redemption and that page are the only endpoints of this service that need no login: the token is the
 * authority, and it can only unsubscribe.
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

    @POST
    @Path("/unsubscribe-tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKETING)
    @Operation(summary = "Signed one-click unsubscribe links for a marketing send, one per subject")
    @APIResponse(responseCode = "200", description = "One signed link per subject")
    @APIResponse(responseCode = "400", description = "unknown-purpose: the purpose is not in the purpose catalogue; "
            + "not-a-marketing-purpose: unsubscribe links exist for direct-marketing purposes only")
    public IssuedTokens issue(@NotNull @Valid TokenRequest request) {
        UnsubscribeLinks.IssuedLinks issued = links.issue(request.purpose(), request.subjectIds());
        return new IssuedTokens(issued.purpose(), issued.expiresAt(), LIST_UNSUBSCRIBE_POST,
                issued.links().stream().map(IssuedLink::of).toList());
    }

    @POST
    @Path("/unsubscribe/{token}")
    @PermitAll
    @RateLimit(value = 1200, window = 1, windowUnit = ChronoUnit.MINUTES)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "Redeem a one-click unsubscribe link (no login); using it again changes nothing. A browser "
            + "(Accept: text/html first) gets a page, anything else JSON")
    @APIResponse(responseCode = "200", description = "Unsubscribed, now or by an earlier use of the link",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Redemption.class)),
                    @Content(mediaType = MediaType.TEXT_HTML)})
    @APIResponse(responseCode = "400", description = "malformed-unsubscribe-token: not an unsubscribe token; "
            + "invalid-unsubscribe-token: the link is not one of ours or was altered; unknown-purpose: the link's "
            + "purpose is no longer in the catalogue (a browser gets a page saying the link is not valid)",
            content = {@Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = Problem.SCHEMA)),
                    @Content(mediaType = MediaType.TEXT_HTML)})
    @APIResponse(responseCode = "410", description = "expired-unsubscribe-token: the link has expired (a browser "
            + "gets a page saying so)",
            content = {@Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = Problem.SCHEMA)),
                    @Content(mediaType = MediaType.TEXT_HTML)})
    @APIResponse(responseCode = "429", description = "too-many-requests: more redemptions this minute than the "
            + "flood guard allows (Retry-After says when to try again)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = Problem.SCHEMA)))
    public Response redeem(@PathParam("token") @Size(max = UnsubscribeLinks.MAX_TOKEN_LENGTH) String token,
                           @Context HttpHeaders headers) {
        if (!wantsHtml(headers)) {
            return Response.ok(Redemption.of(links.redeem(token)), MediaType.APPLICATION_JSON_TYPE).build();
        }
        try {
            UnsubscribeLinks.Redemption redemption = links.redeem(token);
            return UnsubscribePage.done(links.purposeDescription(redemption.purpose()));
        } catch (ProblemException e) {
            return UnsubscribePage.error(e.type());
        }
    }

    /**
     * The page a browser shows for the link: what pressing the button will do, and the button (the RFC 8058
     * one-click form, posted to the link). Opening it changes nothing, since mail scanners fetch links.
     */
    @GET
    @Path("/unsubscribe/{token}")
    @PermitAll
    @RateLimit(value = 1200, window = 1, windowUnit = ChronoUnit.MINUTES)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page behind an unsubscribe link opened in a browser: confirms what will happen and "
            + "offers the one-click button; changes nothing")
    @APIResponse(responseCode = "200", description = "The confirmation page",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "A page for malformed-unsubscribe-token, "
            + "invalid-unsubscribe-token (the link is not one of ours or was altered) and unknown-purpose; a problem "
            + "document when the token breaks the kit's text rules (validation-failed, invalid-parameter)",
            content = {@Content(mediaType = MediaType.TEXT_HTML),
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = Problem.SCHEMA))})
    @APIResponse(responseCode = "410", description = "A page for expired-unsubscribe-token: the link has expired",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "429", description = "too-many-requests: more pages this minute than the flood "
            + "guard allows (Retry-After says when to try again)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = Problem.SCHEMA)))
    public Response page(@PathParam("token") String token) {
        try {
            UnsubscribeLinks.Preview preview = links.preview(token);
            return UnsubscribePage.confirm(preview.link(), preview.purposeDescription(), preview.alreadyUsed());
        } catch (ProblemException e) {
            return UnsubscribePage.error(e.type());
        }
    }

    /** A browser puts text/html first; a mail client's one-click POST and API clients do not. */
    private static boolean wantsHtml(HttpHeaders headers) {
        List<MediaType> acceptable = headers.getAcceptableMediaTypes();
        return !acceptable.isEmpty() && !acceptable.getFirst().isWildcardType()
                && acceptable.getFirst().isCompatible(MediaType.TEXT_HTML_TYPE);
    }
}
