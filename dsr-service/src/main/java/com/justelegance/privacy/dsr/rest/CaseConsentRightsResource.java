package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.rest.CaseDtos.CaseView;
import com.justelegance.privacy.dsr.rest.CaseDtos.ConsentWithdrawalRequest;
import com.justelegance.privacy.dsr.service.CaseLetters;
import com.justelegance.privacy.dsr.service.Cases;
import com.justelegance.privacy.dsr.service.ConsentRights;
import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Objection to direct marketing and withdrawal of consent, carried out by consent-service; each answers the case
 * and sends the completion letter with what was done.
 */
@Path("/api/v1/requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
public class CaseConsentRightsResource {

    private static final String CONFLICTS = "case-closed: the case was closed; case-status-conflict: the case is of "
            + "another type, its subject is not resolved, or it waits for the requester";

    private final ConsentRights consentRights;
    private final CaseLetters letters;
    private final SecurityIdentity identity;

    public CaseConsentRightsResource(ConsentRights consentRights, CaseLetters letters, SecurityIdentity identity) {
        this.consentRights = consentRights;
        this.letters = letters;
        this.identity = identity;
    }

    @POST
    @Path("/marketing-objection")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Carry out an objection to direct marketing, which is absolute: consent-service stops every "
            + "marketing purpose and puts the requester's addresses on the suppression list; answers the case")
    @APIResponse(responseCode = "200", description = "The case, completed; the requester is sent the completion letter")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS)
    @APIResponse(responseCode = "503", description = "data-source-unavailable: consent-service did not answer; the "
            + "case is unchanged, try again")
    public CaseView objectToMarketing(@PathParam("id") UUID id) {
        return CaseView.of(sendCompletion(consentRights.objectToMarketing(id, actor())));
    }

    @POST
    @Path("/consent-withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Carry out a withdrawal of consent through consent-service, for the purposes given or for "
            + "every purpose the subject consented to; answers the case")
    @APIResponse(responseCode = "200", description = "The case, completed; the requester is sent the completion letter")
    @APIResponse(responseCode = "400", description = "validation-failed: a purpose code is malformed or unknown to "
            + "consent-service")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS)
    @APIResponse(responseCode = "503", description = "data-source-unavailable: consent-service did not answer; the "
            + "case is unchanged, try again")
    public CaseView withdrawConsent(@PathParam("id") UUID id, @NotNull @Valid ConsentWithdrawalRequest request) {
        return CaseView.of(sendCompletion(consentRights.withdrawConsent(id, request.purposeCodes(), actor())));
    }

    private Cases.CaseFile sendCompletion(ConsentRights.CarriedOut done) {
        letters.completion(done.file(), done.whatWasDone());
        return done.file();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
