package com.justelegance.privacy.disclosure.rest;

import com.justelegance.privacy.disclosure.domain.Recipient;
import com.justelegance.privacy.disclosure.domain.SharingDecision;
import com.justelegance.privacy.disclosure.rest.SharingDtos.AudienceUploadRequest;
import com.justelegance.privacy.disclosure.rest.SharingDtos.AudienceUploadResult;
import com.justelegance.privacy.disclosure.rest.SharingDtos.Refusal;
import com.justelegance.privacy.disclosure.rest.SharingDtos.SharingCheckView;
import com.justelegance.privacy.disclosure.service.SharingGate;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.Purpose;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Consent-gated sharing with recipients that need consent: single checks and audience uploads. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent-gated sharing")
public class SharingResource {

    private final SharingGate gate;

    public SharingResource(SharingGate gate) {
        this.gate = gate;
    }

    @GET
    @Path("/sharing-checks")
    @RolesAllowed({Roles.STOREFRONT, Roles.MARKETING, Roles.PRIVACY_OFFICER})
    @Operation(summary = "May the subject's data go to the recipient for the purpose? No consent known means no")
    @APIResponse(responseCode = "200", description = "Whether the subject's data may be shared, and why")
    @APIResponse(responseCode = "400", description = "recipient-not-consent-based: the recipient receives data on "
            + "another basis than consent")
    @APIResponse(responseCode = "404", description = "unknown-recipient: no recipient is registered with this code")
    public SharingCheckView check(
            @QueryParam("subjectId") @NotNull @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId,
            @QueryParam("recipient") @NotNull @Pattern(regexp = Recipient.CODE_PATTERN) String recipient,
            @QueryParam("purpose") @NotNull @Pattern(regexp = Purpose.CODE_PATTERN) String purpose) {
        SharingDecision decision = gate.check(subjectId, recipient, purpose);
        return new SharingCheckView(subjectId, recipient, purpose, decision.allowed(), decision.reason(),
                decision.consentState());
    }

    @POST
    @Path("/audience-uploads")
    @RolesAllowed({Roles.MARKETING, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Screen an audience upload: the allowed subjects (their disclosures are recorded) and the "
            + "refused ones with the reason")
    @APIResponse(responseCode = "200", description = "The subjects the upload may include, and those it must leave out")
    @APIResponse(responseCode = "400", description = "recipient-not-consent-based: the recipient receives data on "
            + "another basis than consent")
    @APIResponse(responseCode = "404", description = "unknown-recipient: no recipient is registered with this code")
    public AudienceUploadResult screen(@NotNull @Valid AudienceUploadRequest request) {
        SharingGate.AudienceScreening screening = gate.screenUpload(request.recipient(), request.purpose(),
                request.uploadId(), request.subjectIds());
        return new AudienceUploadResult(request.uploadId(), request.recipient(), screening.allowed(),
                screening.refused().entrySet().stream()
                        .map(e -> new Refusal(e.getKey(), e.getValue().reason(), e.getValue().consentState()))
                        .toList());
    }
}
