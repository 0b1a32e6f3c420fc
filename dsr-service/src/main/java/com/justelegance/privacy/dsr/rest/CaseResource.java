package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.domain.CaseStatus;
import com.justelegance.privacy.dsr.repository.CaseRepository;
import com.justelegance.privacy.dsr.rest.CaseDtos.Assignment;
import com.justelegance.privacy.dsr.rest.CaseDtos.CaseSearch;
import com.justelegance.privacy.dsr.rest.CaseDtos.CaseSummary;
import com.justelegance.privacy.dsr.rest.CaseDtos.CaseView;
import com.justelegance.privacy.dsr.rest.CaseDtos.ClarificationAnswer;
import com.justelegance.privacy.dsr.rest.CaseDtos.ClarificationRequest;
import com.justelegance.privacy.dsr.rest.CaseDtos.Classification;
import com.justelegance.privacy.dsr.rest.CaseDtos.CommentRequest;
import com.justelegance.privacy.dsr.rest.CaseDtos.CompletionRequest;
import com.justelegance.privacy.dsr.rest.CaseDtos.ExtensionRequest;
import com.justelegance.privacy.dsr.rest.CaseDtos.IdentityCheckRequest;
import com.justelegance.privacy.dsr.rest.CaseDtos.IdentityCode;
import com.justelegance.privacy.dsr.rest.CaseDtos.NewCaseRequest;
import com.justelegance.privacy.dsr.rest.CaseDtos.RefusalRequest;
import com.justelegance.privacy.dsr.rest.CaseDtos.SubjectMatch;
import com.justelegance.privacy.dsr.rest.CaseDtos.SubjectResolutionView;
import com.justelegance.privacy.dsr.rest.CaseDtos.WithdrawalRequest;
import com.justelegance.privacy.dsr.service.CaseErasures;
import com.justelegance.privacy.dsr.service.CaseLetters;
import com.justelegance.privacy.dsr.service.Cases;
import com.justelegance.privacy.dsr.service.IdentityCodes;
import com.justelegance.privacy.dsr.service.SubjectResolution;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.problem.FieldProblemException;
import com.justelegance.privacy.kit.problem.KitProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Data-subject requests ("cases"): customer service records and follows them, the privacy officer verifies,
 * extends, decides and refuses, the auditor reads. Every change is on the case's trail and in the audit log.
 */
@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
public class CaseResource {

    /** A search answers at most this many cases: enough for one requester's history. */
    private static final int SEARCH_LIMIT = 200;

    private static final String CONFLICTS = "case-closed: the case was closed and changes no more; "
            + "case-status-conflict: the step does not fit the case's status";

    private final Cases cases;
    private final CaseErasures erasures;
    private final CaseLetters letters;
    private final SubjectResolution subjectResolution;
    private final SecurityIdentity identity;

    public CaseResource(Cases cases, CaseErasures erasures, CaseLetters letters,
                        SubjectResolution subjectResolution, SecurityIdentity identity) {
        this.cases = cases;
        this.erasures = erasures;
        this.letters = letters;
        this.subjectResolution = subjectResolution;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Record a request received by phone, post, in person or through the web form; a requester "
            + "with an e-mail address is sent the acknowledgement, kept on the case's trail")
    @APIResponse(responseCode = "201", description = "The case, with its due date and likely duplicates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "validation-failed: a field is missing or malformed, "
            + "receivedOn is in the future, or the requester gives no way to reach or find them")
    @APIResponse(responseCode = "409", description = "bank-holidays-not-covered: the deadline falls outside the "
            + "bank holidays the service knows")
    public Response open(@NotNull @Valid NewCaseRequest request) {
        if (!request.requester().reachable()) {
            throw new FieldProblemException(KitProblem.VALIDATION_FAILED, "requester",
                    "requester needs at least one of email, phone, customerNumber or postalAddress");
        }
        Cases.CaseFile file = cases.open(new Cases.NewCase(request.type(), request.channel(), request.receivedOn(),
                request.nation(), request.requester().toRequester(), request.subjectId(), null), actor());
        letters.acknowledge(file);
        return Response.status(Response.Status.CREATED).entity(CaseView.of(file)).build();
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The work queue: open cases, soonest due first (paused ones last), with filters")
    @APIResponse(responseCode = "200", description = "Cases without personal data")
    @APIResponse(responseCode = "400", description = "invalid-parameter: an unknown status or type, or a limit "
            + "out of range")
    public List<CaseSummary> queue(@QueryParam("status") CaseStatus status,
                                   @QueryParam("type") SubjectRequestType type,
                                   @QueryParam("overdue") Boolean overdue,
                                   @QueryParam("assignee") @Pattern(regexp = CaseDtos.STAFF_PATTERN) String assignee,
                                   @QueryParam("includeClosed") @DefaultValue("false") boolean includeClosed,
                                   @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return summaries(cases.queue(new CaseRepository.QueueFilter(status, type, overdue, assignee, includeClosed),
                limit));
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Find cases, open and closed, by reference or by the requester's e-mail address (matched "
            + "through the keyed hash each case keeps; a POST, so the address stays out of URLs and access logs); "
            + "soonest due first, at most " + SEARCH_LIMIT + "; audited without the value")
    @APIResponse(responseCode = "200", description = "The matching cases, as the work queue shows them")
    @APIResponse(responseCode = "400", description = "validation-failed: neither email nor reference given, or one "
            + "is malformed (named, never quoted)")
    public List<CaseSummary> search(@NotNull @Valid CaseSearch request) {
        boolean byEmail = request.email() != null && !request.email().isBlank();
        boolean byReference = request.reference() != null && !request.reference().isBlank();
        if (!byEmail && !byReference) {
            throw new FieldProblemException(KitProblem.VALIDATION_FAILED, "email",
                    "give email or reference (or both) to search by");
        }
        return summaries(cases.search(byReference ? request.reference() : null, byEmail ? request.email() : null,
                SEARCH_LIMIT));
    }

    private List<CaseSummary> summaries(List<Cases.QueueEntry> page) {
        LocalDate today = cases.today();
        Set<UUID> receiptsOverdue = erasures.overdueAmong(page.stream().map(e -> e.requestCase().id()).toList());
        return page.stream().map(e -> CaseSummary.of(e, today, receiptsOverdue.contains(e.requestCase().id())))
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "A case in full: requester, deadline, trail, likely duplicates; audited")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    public CaseView view(@PathParam("id") UUID id) {
        return CaseView.of(cases.view(id));
    }

    @POST
    @Path("/{id}/classification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Say which right the request exercises")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "400", description = "validation-failed: no or an unknown type")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS)
    public CaseView classify(@PathParam("id") UUID id, @NotNull @Valid Classification request) {
        return CaseView.of(cases.classify(id, request.type(), actor()));
    }

    @POST
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Give the case to someone; a received case is then in progress")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "400", description = "validation-failed: no or a malformed assignee")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS)
    public CaseView assign(@PathParam("id") UUID id, @NotNull @Valid Assignment request) {
        return CaseView.of(cases.assign(id, request.assignee(), actor()));
    }

    @POST
    @Path("/{id}/subject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Record whom the case concerns; with a type known, the other services are told")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "400", description = "validation-failed: no or a malformed subjectId")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS + ", or a different subject was already announced")
    public CaseView resolveSubject(@PathParam("id") UUID id, @NotNull @Valid SubjectMatch request) {
        return CaseView.of(cases.resolveSubject(id, request.subjectId(), actor()));
    }

    @POST
    @Path("/{id}/subject-resolution")
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Find whom the case concerns: ask the storefront's customer look-up for each identifier the "
            + "requester gave; one customer found is recorded as the subject, none or several are left to staff")
    @APIResponse(responseCode = "200", description = "The case, and how many customers the identifiers matched")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS + ", or a different subject was already announced")
    @APIResponse(responseCode = "503", description = "data-source-unavailable: the look-up did not answer, even "
            + "after retries")
    public SubjectResolutionView resolveSubjectFromSources(@PathParam("id") UUID id) {
        SubjectResolution.Resolution resolution = subjectResolution.resolve(id, actor());
        return new SubjectResolutionView(resolution.candidates(), resolution.matchedBy(),
                CaseView.of(resolution.file()));
    }

    @POST
    @Path("/{id}/identity-request")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Ask for proof of identity: the clock waits, and starts afresh when the proof arrives; a "
            + "one-time code goes to the e-mail address on file for the subject, or, when none is known, to the "
            + "address the requester gave")
    @APIResponse(responseCode = "200", description = "The case, awaiting identity")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS)
    @APIResponse(responseCode = "503", description = "data-source-unavailable: the storefront could not be asked for "
            + "the address on file; the case is unchanged")
    public CaseView requestIdentity(@PathParam("id") UUID id) {
        Cases.IdentityRequest request = cases.requestIdentity(id, subjectResolution.emailOnFile(id), actor());
        letters.identityRequest(request);
        return CaseView.of(request.file());
    }

    @POST
    @Path("/{id}/identity-code")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Enter the one-time code the requester was sent (read out on the phone, say): the right "
            + "code verifies their identity and restarts the month today")
    @APIResponse(responseCode = "200", description = "The case, in progress")
    @APIResponse(responseCode = "400", description = "validation-failed: no code, or not six digits")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS + "; identity-code-refused: not the code sent, "
            + "expired, already used, or too many wrong tries (each wrong try is counted and on the trail)")
    public CaseView confirmIdentityCode(@PathParam("id") UUID id, @NotNull @Valid IdentityCode request) {
        Cases.CodeConfirmation confirmation = cases.confirmIdentityCode(id, request.code(), actor());
        if (confirmation.check() != IdentityCodes.Check.ACCEPTED) {
            // Thrown after the try was committed, so that it counts.
            throw new ProblemException(DsrProblem.IDENTITY_CODE_REFUSED, confirmation.check().refusal());
        }
        return CaseView.of(confirmation.file());
    }

    @POST
    @Path("/{id}/identity-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Record an identity check (method, outcome, who); verified proof restarts the month")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "400", description = "validation-failed: a missing method or outcome, or a "
            + "proofReceivedOn in the future")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS + "; identity-restart-not-allowed: the proof is "
            + "dated before an earlier event, or the time was already extended")
    public CaseView recordIdentityCheck(@PathParam("id") UUID id, @NotNull @Valid IdentityCheckRequest request) {
        return CaseView.of(cases.recordIdentityCheck(id, request.method(), request.outcome(),
                request.proofReceivedOn(), request.note(), actor()));
    }

    @POST
    @Path("/{id}/clarification-request")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Ask the requester what they mean: the clock stops until the answer")
    @APIResponse(responseCode = "200", description = "The case, awaiting clarification")
    @APIResponse(responseCode = "400", description = "validation-failed: no question")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS + "; clarification-not-allowed: the due date "
            + "has passed")
    public CaseView requestClarification(@PathParam("id") UUID id, @NotNull @Valid ClarificationRequest request) {
        Cases.CaseFile file = cases.requestClarification(id, request.question(), actor());
        letters.clarificationRequest(file, request.question());
        return CaseView.of(file);
    }

    @POST
    @Path("/{id}/clarification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Record the requester's answer: the clock resumes with the time that was left")
    @APIResponse(responseCode = "200", description = "The case, in progress")
    @APIResponse(responseCode = "400", description = "validation-failed: receivedOn in the future")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS + "; clarification-not-allowed: the answer is "
            + "dated before the question")
    public CaseView clarificationReceived(@PathParam("id") UUID id, @NotNull @Valid ClarificationAnswer request) {
        return CaseView.of(cases.clarificationReceived(id, request.receivedOn(), request.answer(), actor()));
    }

    @POST
    @Path("/{id}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Extend the time once, by up to two months, with a reason, before the due date")
    @APIResponse(responseCode = "200", description = "The case with its new due date")
    @APIResponse(responseCode = "400", description = "validation-failed: no reason")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS + "; extension-not-allowed: already extended "
            + "once, or the due date has passed")
    public CaseView extend(@PathParam("id") UUID id, @NotNull @Valid ExtensionRequest request) {
        Cases.CaseFile file = cases.extend(id, request.reason(), actor());
        letters.extensionNotice(file);
        return CaseView.of(file);
    }

    @POST
    @Path("/{id}/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Refuse the request, with the reason; the requester is told of the right to complain to "
            + "the ICO")
    @APIResponse(responseCode = "200", description = "The case, refused")
    @APIResponse(responseCode = "400", description = "validation-failed: no reason or explanation")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS)
    public CaseView refuse(@PathParam("id") UUID id, @NotNull @Valid RefusalRequest request) {
        Cases.CaseFile file = cases.refuse(id, request.reason(), request.explanation(), actor());
        letters.refusal(file, request.explanation());
        return CaseView.of(file);
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Add a staff comment to the case's trail (open or closed); the status does not change")
    @APIResponse(responseCode = "200", description = "The case, with the comment on its trail")
    @APIResponse(responseCode = "400", description = "validation-failed: text is blank or too long")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    public CaseView comment(@PathParam("id") UUID id, @NotNull @Valid CommentRequest request) {
        return CaseView.of(cases.comment(id, request.text(), actor()));
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Record that the requester withdrew the request")
    @APIResponse(responseCode = "200", description = "The case, withdrawn")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS)
    public CaseView withdraw(@PathParam("id") UUID id, @NotNull @Valid WithdrawalRequest request) {
        return CaseView.of(cases.withdraw(id, request.note(), actor()));
    }

    @POST
    @Path("/{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Close the case as answered, in full or in part (with what was withheld and why)")
    @APIResponse(responseCode = "200", description = "The case, completed")
    @APIResponse(responseCode = "400", description = "validation-failed: a partial completion without explanation")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = CONFLICTS + ", the case is not classified yet, or it is an "
            + "erasure case (completed by the services' receipts, with its certificate)")
    public CaseView complete(@PathParam("id") UUID id, @NotNull @Valid CompletionRequest request) {
        Cases.CaseFile file = cases.complete(id, request.partially(), request.explanation(), actor());
        letters.completion(file, request.explanation());
        return CaseView.of(file);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
