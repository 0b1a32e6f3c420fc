package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.correspondence.Letters;
import com.justelegance.privacy.dsr.domain.IntakeChannel;
import com.justelegance.privacy.dsr.domain.RequestCase;
import com.justelegance.privacy.dsr.domain.Requester;
import com.justelegance.privacy.dsr.rest.PrivacyCentreDtos.ShopperCode;
import com.justelegance.privacy.dsr.rest.PrivacyCentreDtos.ShopperRequest;
import com.justelegance.privacy.dsr.rest.PrivacyCentreDtos.ShopperRequestView;
import com.justelegance.privacy.dsr.rest.PrivacyCentreDtos.SignInCodeRequest;
import com.justelegance.privacy.dsr.rest.PrivacyCentreDtos.SignInCodeSent;
import com.justelegance.privacy.dsr.rest.PrivacyCentreDtos.SignInRequest;
import com.justelegance.privacy.dsr.rest.PrivacyCentreDtos.SignedIn;
import com.justelegance.privacy.dsr.service.CaseLetters;
import com.justelegance.privacy.dsr.service.Cases;
import com.justelegance.privacy.dsr.service.IdentityCodes;
import com.justelegance.privacy.dsr.service.SignInCodes;
import com.justelegance.privacy.dsr.service.SubjectResolution;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * The shoppers' privacy centre (privacy-console) calling for a shopper: a request made on its web form, opened,
 * acknowledged and followed by the identity code the staff would send; and the one-time codes that sign a shopper in
 * to their preferences. Only the {@code privacy-centre} role; answers carry no personal data and no trail, and only
 * cases that came in through the web form are shown.
 */
@Path("/api/v1/privacy-centre")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy centre")
@RolesAllowed(Roles.PRIVACY_CENTRE)
public class PrivacyCentreResource {

    private static final Logger LOG = Logger.getLogger(PrivacyCentreResource.class);

    private final Cases cases;
    private final CaseLetters letters;
    private final SubjectResolution subjectResolution;
    private final SignInCodes signInCodes;
    private final Letters mail;
    private final SecurityIdentity identity;

    public PrivacyCentreResource(Cases cases, CaseLetters letters, SubjectResolution subjectResolution,
                                 SignInCodes signInCodes, Letters mail, SecurityIdentity identity) {
        this.cases = cases;
        this.letters = letters;
        this.subjectResolution = subjectResolution;
        this.signInCodes = signInCodes;
        this.mail = mail;
        this.identity = identity;
    }

    @POST
    @Path("/requests")
    @Operation(summary = "A shopper's request from the privacy centre's form: opened as a web-form case and "
            + "acknowledged; the storefront is asked who the shopper is and a one-time code goes to the e-mail "
            + "address on file (or, for someone the storefront does not know, to the address given), as the staff's "
            + "identity request sends it")
    @APIResponse(responseCode = "201", description = "The request as the shopper may see it; AWAITING_IDENTITY "
            + "when a code was sent, RECEIVED when staff will check identity another way",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ShopperRequestView.class)))
    @APIResponse(responseCode = "400", description = "validation-failed: no or an unknown type, no or a malformed "
            + "email, a name or message too long")
    @APIResponse(responseCode = "409", description = "bank-holidays-not-covered: the deadline falls outside the "
            + "bank holidays the service knows")
    public Response open(@NotNull @Valid ShopperRequest request) {
        Cases.CaseFile file = cases.open(new Cases.NewCase(request.type(), IntakeChannel.WEB_FORM, null, null,
                new Requester(blankToNull(request.name()), request.email(), null, null, null,
                        blankToNull(request.message())), null, null), actor());
        letters.acknowledge(file);
        UUID id = file.requestCase().id();
        RequestCase now = file.requestCase();
        try {
            subjectResolution.resolve(id, actor());
            Cases.IdentityRequest identityRequest = cases.requestIdentity(id, subjectResolution.emailOnFile(id),
                    actor());
            letters.identityRequest(identityRequest);
            now = identityRequest.file().requestCase();
        } catch (ProblemException e) {
            // The storefront did not answer: the request stands, acknowledged, and staff ask for identity later.
            LOG.infof("Case %s from the privacy centre waits for staff to check identity: %s",
                    now.reference(), e.getMessage());
        }
        return Response.status(Response.Status.CREATED).entity(ShopperRequestView.of(now)).build();
    }

    @GET
    @Path("/requests/{id}")
    @Operation(summary = "A request made on the privacy centre, as the shopper may see it")
    @APIResponse(responseCode = "200", description = "Reference, type, status, dates; closed and outcome once it "
            + "ended")
    @APIResponse(responseCode = "404", description = "case-not-found: no request made on the privacy centre has "
            + "this id")
    public ShopperRequestView view(@PathParam("id") UUID id) {
        return ShopperRequestView.of(webFormCase(cases.view(id)));
    }

    @POST
    @Path("/requests/{id}/identity-code")
    @Operation(summary = "The one-time code the shopper was sent: the right one verifies them and starts the month "
            + "today, as when staff enter it")
    @APIResponse(responseCode = "200", description = "The request, in progress")
    @APIResponse(responseCode = "400", description = "validation-failed: no code, or not six digits")
    @APIResponse(responseCode = "404", description = "case-not-found: no request made on the privacy centre has "
            + "this id")
    @APIResponse(responseCode = "409", description = "identity-code-refused: not the code sent, expired, already "
            + "used, or too many wrong tries (each counted); case-status-conflict: no code is awaited; case-closed")
    public ShopperRequestView confirmIdentityCode(@PathParam("id") UUID id, @NotNull @Valid ShopperCode request) {
        webFormCase(cases.view(id));
        Cases.CodeConfirmation confirmation = cases.confirmIdentityCode(id, request.code(), actor());
        if (confirmation.check() != IdentityCodes.Check.ACCEPTED) {
            // Thrown after the try was committed, so that it counts.
            throw new ProblemException(DsrProblem.IDENTITY_CODE_REFUSED, confirmation.check().refusal());
        }
        return ShopperRequestView.of(confirmation.file().requestCase());
    }

    @POST
    @Path("/sign-in-codes")
    @Operation(summary = "Send a sign-in code for the preferences page to the address the storefront holds for the "
            + "customer with this e-mail address. Answers the same whether or not there is such a customer")
    @APIResponse(responseCode = "202", description = "Always the same body: a code went out if the address is a "
            + "customer's", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignInCodeSent.class)))
    @APIResponse(responseCode = "400", description = "validation-failed: no or a malformed email")
    public Response sendSignInCode(@NotNull @Valid SignInCodeRequest request) {
        try {
            Optional<String> subject = subjectResolution.customerWithEmail(request.email());
            Optional<String> onFile = subject.flatMap(subjectResolution::emailOnFileOf);
            if (subject.isPresent() && onFile.isPresent()) {
                SignInCodes.IssuedCode code = signInCodes.issue(request.email(), subject.get());
                mail.sendSignInCode(onFile.get(), code.code(), code.expiresAt());
            }
        } catch (ProblemException e) {
            // The storefront did not answer: the shopper sees the same answer and can ask again.
            LOG.infof("No sign-in code sent: %s", e.getMessage());
        }
        return Response.accepted(SignInCodeSent.ALWAYS).build();
    }

    @POST
    @Path("/sign-ins")
    @Operation(summary = "Check a sign-in code: the right one, within 15 minutes and before too many wrong tries, "
            + "names the customer; it works once")
    @APIResponse(responseCode = "200", description = "The customer the shopper signed in as",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SignedIn.class)))
    @APIResponse(responseCode = "400", description = "validation-failed: no or a malformed email or code; "
            + "sign-in-code-refused: no code waiting, expired, used, too many wrong tries, or not the code sent")
    public SignedIn signIn(@NotNull @Valid SignInRequest request) {
        SignInCodes.Outcome outcome = signInCodes.check(request.email(), request.code());
        return outcome.subjectId().map(SignedIn::new).orElseThrow(
                () -> new ProblemException(DsrProblem.SIGN_IN_CODE_REFUSED, outcome.refusal()));
    }

    /** Only cases from the web form are the privacy centre's to show; any other id is unknown to it. */
    private static RequestCase webFormCase(Cases.CaseFile file) {
        RequestCase c = file.requestCase();
        if (c.channel() != IntakeChannel.WEB_FORM) {
            throw new ProblemException(DsrProblem.CASE_NOT_FOUND, "No request made on the privacy centre has this id");
        }
        return c;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
