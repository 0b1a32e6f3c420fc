package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.domain.ConsentSourceRoles;
import com.justelegance.privacy.consent.repository.SuppressionRepository.HashedIdentifier;
import com.justelegance.privacy.consent.service.SubjectRequests;
import com.justelegance.privacy.consent.service.SuppressionList;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.kit.problem.ConsentProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The rights dsr-service carries out here on a person's behalf: an objection to direct marketing (Art. 21) and a
 * withdrawal of consent (Art. 7(3)). dsr-service calls with its own token; the privacy officer may too (a request
 * handled by hand). Both are idempotent per request id.
 */
@Path("/api/v1/subjects/{subjectId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Data-subject requests")
public class SubjectRequestResource {

    private final SubjectRequests requests;
    private final SuppressionList suppressionList;

    public SubjectRequestResource(SubjectRequests requests, SuppressionList suppressionList) {
        this.requests = requests;
        this.suppressionList = suppressionList;
    }

    @POST
    @Path("/marketing-objection")
    @RolesAllowed({Roles.DSR_SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Carry out an objection to direct marketing: every marketing purpose becomes OBJECTED and "
            + "the person's identifiers are suppressed on every marketing channel they reach")
    @APIResponse(responseCode = "200", description = "Carried out, or carried out before for this request id "
            + "(the same answer)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubjectRequestDtos.RequestCarriedOut.class)))
    @APIResponse(responseCode = "400", description = "validation-failed: requestId or a contact identifier field "
            + "is missing or malformed; invalid-identifier: a contact identifier cannot be read")
    @APIResponse(responseCode = "403", description = "The caller's role may not carry out data-subject requests")
    @APIResponse(responseCode = "409", description = "subject-erased: the subject was erased here (its identifiers "
            + "stayed on the suppression list)")
    public SubjectRequestDtos.RequestCarriedOut objectToMarketing(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId,
            @NotNull @Valid SubjectRequestDtos.ObjectionRequest request,
            @Context SecurityContext caller) {
        requireDataSubjectRequestSource(caller);
        return SubjectRequestDtos.RequestCarriedOut.of(requests.objectToMarketing(subjectId, request.requestId(),
                hashed(request.contactIdentifiers())));
    }

    @POST
    @Path("/consent-withdrawal")
    @RolesAllowed({Roles.DSR_SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Carry out a withdrawal of consent: the purposes named, or every consent granted now, "
            + "become WITHDRAWN")
    @APIResponse(responseCode = "200", description = "Carried out, or carried out before for this request id "
            + "(the same answer)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubjectRequestDtos.RequestCarriedOut.class)))
    @APIResponse(responseCode = "400", description = "validation-failed: requestId, a purpose code or a contact "
            + "identifier field is missing or malformed; unknown-purpose: purposes[i] is not in the purpose "
            + "catalogue; invalid-identifier: a contact identifier cannot be read")
    @APIResponse(responseCode = "403", description = "The caller's role may not carry out data-subject requests")
    @APIResponse(responseCode = "409", description = "subject-erased: the subject was erased here")
    public SubjectRequestDtos.RequestCarriedOut withdrawConsent(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId,
            @NotNull @Valid SubjectRequestDtos.WithdrawalRequest request,
            @Context SecurityContext caller) {
        requireDataSubjectRequestSource(caller);
        return SubjectRequestDtos.RequestCarriedOut.of(requests.withdrawConsent(subjectId, request.requestId(),
                request.purposes(), hashed(request.contactIdentifiers())));
    }

    /** The decisions are recorded with source DATA_SUBJECT_REQUEST, which only some roles may claim. */
    private static void requireDataSubjectRequestSource(SecurityContext caller) {
        if (!ConsentSourceRoles.mayClaim(ConsentSource.DATA_SUBJECT_REQUEST, caller::isUserInRole)) {
            throw new ProblemException(ConsentProblem.SOURCE_NOT_ALLOWED,
                    "Your role may not record a decision from a data-subject request");
        }
    }

    private List<HashedIdentifier> hashed(List<SuppressionDtos.IdentifierRequest> identifiers) {
        return suppressionList.hash(identifiers == null ? List.of()
                : identifiers.stream().map(SuppressionDtos.IdentifierRequest::raw).toList(), "contactIdentifiers");
    }
}
