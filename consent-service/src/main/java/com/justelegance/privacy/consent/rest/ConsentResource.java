package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.domain.ConsentChoice;
import com.justelegance.privacy.consent.domain.ConsentSourceRoles;
import com.justelegance.privacy.consent.domain.ProofDetails;
import com.justelegance.privacy.consent.service.ConsentLedger;
import com.justelegance.privacy.consent.service.ConsentReceipts;
import com.justelegance.privacy.consent.service.SubjectDataExport;
import com.justelegance.privacy.consent.service.SuppressionList;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.kit.problem.ConsentProblem;
import com.justelegance.privacy.kit.problem.FieldProblemException;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.security.Roles;
import io.smallrye.faulttolerance.api.RateLimit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.temporal.ChronoUnit;
import java.util.List;

/** A subject's consent decisions, current consents, history and receipts. */
@Path("/api/v1/subjects/{subjectId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents")
public class ConsentResource {

    /** The Global Privacy Control request header; {@code 1} means "do not sell or share". */
    static final String GPC_HEADER = "Sec-GPC";

    private final ConsentLedger ledger;
    private final SuppressionList suppressionList;
    private final SubjectDataExport export;

    public ConsentResource(ConsentLedger ledger, SuppressionList suppressionList, SubjectDataExport export) {
        this.ledger = ledger;
        this.suppressionList = suppressionList;
        this.export = export;
    }

    @POST
    @Path("/consent-decisions")
    @RolesAllowed({Roles.STOREFRONT, Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.PRIVACY_CENTRE})
    @Operation(summary = "Record a person's choices for one or more purposes, with proof of how they were made; "
            + "with Sec-GPC: 1 the sale-or-sharing purposes are opted out too")
    @APIResponse(responseCode = "201", description = "A decision was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConsentDtos.DecisionRecorded.class)))
    @APIResponse(responseCode = "200", description = "Nothing needed recording (a repeated Sec-GPC signal alone)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConsentDtos.DecisionRecorded.class)))
    @APIResponse(responseCode = "400", description = "duplicate-purpose: a purpose appears twice; unknown-purpose: "
            + "the purpose is not in the purpose catalogue; unknown-policy-version: the policy version was never "
            + "registered; no-choices: no choice and no Sec-GPC: 1; reserved-method: GPC_SIGNAL without Sec-GPC: 1, "
            + "or granting; soft-opt-in-not-allowed: the purpose, source or order does not support a soft opt-in; "
            + "invalid-proof: the IP address or user agent is not usable; invalid-identifier: a contact identifier "
            + "cannot be read")
    @APIResponse(responseCode = "403", description = "source-not-allowed: the caller's role may not record a "
            + "decision from the source it claims")
    @APIResponse(responseCode = "409", description = "subject-erased: the subject was erased; a returning person "
            + "gets a new subject id")
    @APIResponse(responseCode = "429", description = "too-many-requests: more decisions this minute than the flood "
            + "guard allows (CONSENT_DECISIONS_PER_MINUTE); Retry-After says when to send again")
    // Reachable with a storefront token, not only a staff login: a leaked token must not let anyone flood the ledger.
    // The limit sits above what two cores record (about 400 a second in bench/), so it never slows a real checkout.
    @RateLimit(value = 30000, window = 1, windowUnit = ChronoUnit.MINUTES)
    public Response recordDecision(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId,
            @HeaderParam(GPC_HEADER) String globalPrivacyControl,
            @NotNull @Valid ConsentDtos.DecisionRequest request,
            @Context SecurityContext caller) {
        if (!ConsentSourceRoles.mayClaim(request.source(), caller::isUserInRole)) {
            throw new FieldProblemException(ConsentProblem.SOURCE_NOT_ALLOWED, "source",
                    "Your role may not record a decision from this source: the storefront records CHECKOUT, "
                            + "REGISTRATION, ACCOUNT_SETTINGS and COOKIE_BANNER, customer service CUSTOMER_SERVICE, "
                            + "the privacy officer DATA_SUBJECT_REQUEST, the privacy centre PRIVACY_CENTRE; "
                            + "UNSUBSCRIBE_LINK comes from redeeming a "
                            + "link, never from a caller");
        }
        long distinct = request.choices().stream().map(ConsentDtos.ChoiceRequest::purpose).distinct().count();
        if (distinct != request.choices().size()) {
            throw new ProblemException(ConsentProblem.DUPLICATE_PURPOSE, "Each purpose may appear once per decision");
        }
        List<ConsentChoice> choices = request.choices().stream()
                .map(choice -> new ConsentChoice(choice.purpose(), choice.state()))
                .toList();
        List<SuppressionList.RawIdentifier> identifiers = request.contactIdentifiers() == null ? List.of()
                : request.contactIdentifiers().stream().map(SuppressionDtos.IdentifierRequest::raw).toList();
        ConsentLedger.RecordedDecision recorded = ledger.record(subjectId, new ConsentLedger.NewDecision(
                request.policyVersion(), request.source(), request.method(), request.decidedAt(), choices,
                proof(request.proof()), request.softOptInOrderId(),
                suppressionList.hash(identifiers, "contactIdentifiers"),
                globalPrivacyControl != null && globalPrivacyControl.strip().equals("1")));
        return Response.status(recorded.recordedAnything() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ConsentDtos.DecisionRecorded.of(recorded))
                .build();
    }

    @GET
    @Path("/consents")
    @RolesAllowed({Roles.STOREFRONT, Roles.MARKETING, Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER,
            Roles.AUDITOR, Roles.PRIVACY_CENTRE})
    @Operation(summary = "The subject's current state for every purpose they have decided on; restricted: true "
            + "while the subject's processing is restricted (Art. 18), when no state allows anything")
    public List<ConsentDtos.CurrentConsentView> currentConsents(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId) {
        ConsentLedger.SubjectConsents consents = ledger.currentConsents(subjectId);
        boolean restricted = consents.restrictedSince() != null;
        return consents.consents().stream()
                .map(consent -> ConsentDtos.CurrentConsentView.of(consent, restricted))
                .toList();
    }

    @GET
    @Path("/consent-decisions")
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The subject's decision history, oldest first, with its proof")
    public List<ConsentDtos.DecisionView> history(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId) {
        return ledger.readHistory(subjectId).stream().map(ConsentDtos.DecisionView::of).toList();
    }

    @GET
    @Path("/consent-receipts")
    @RolesAllowed({Roles.STOREFRONT, Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR,
            Roles.DSR_SERVICE})
    @Operation(summary = "A Kantara Consent Receipt v1.1 for each of the subject's decisions")
    public List<ConsentReceipts.Receipt> receipts(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId) {
        return export.receipts(subjectId);
    }

    private static ProofDetails proof(ConsentDtos.ProofRequest proof) {
        if (proof == null || (proof.ipAddress() == null && proof.userAgent() == null)) {
            return null;
        }
        try {
            return ProofDetails.of(proof.ipAddress(), proof.userAgent());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ConsentProblem.INVALID_PROOF, "proof." + e.getMessage());
        }
    }
}
