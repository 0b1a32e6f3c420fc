package com.justelegance.privacy.disclosure.rest;

import com.justelegance.privacy.disclosure.domain.Disclosure;
import com.justelegance.privacy.disclosure.domain.Recipient;
import com.justelegance.privacy.disclosure.rest.NoticeDtos.NoticeView;
import com.justelegance.privacy.disclosure.rest.SubjectDisclosureDtos.RecordDisclosureRequest;
import com.justelegance.privacy.disclosure.rest.SubjectDisclosureDtos.SubjectDisclosureView;
import com.justelegance.privacy.disclosure.service.DisclosureLedger.SubjectDisclosure;
import com.justelegance.privacy.disclosure.service.DisclosureLedger;
import com.justelegance.privacy.disclosure.service.RecipientNotices;
import com.justelegance.privacy.disclosure.service.RecipientRegistry;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A subject's disclosures (for access requests and the privacy officer) and the notices sent about them. */
@Path("/api/v1/subjects/{subjectId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Subjects' disclosures")
public class SubjectDisclosureResource {

    private final DisclosureLedger ledger;
    private final RecipientRegistry registry;
    private final RecipientNotices notices;
    private final SecurityIdentity identity;
    private final Clock clock;

    public SubjectDisclosureResource(DisclosureLedger ledger, RecipientRegistry registry, RecipientNotices notices,
                                     SecurityIdentity identity, Clock clock) {
        this.ledger = ledger;
        this.registry = registry;
        this.notices = notices;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/disclosures")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CUSTOMER_SERVICE, Roles.AUDITOR, Roles.DSR_SERVICE})
    @Operation(summary = "Who received the subject's data. Disclosures withheld under DPA 2018 Sch. 2 para. 2 are "
            + "left out unless the privacy officer (or dsr-service, preparing an access package for the officer) asks "
            + "for them with includeWithheld=true")
    @APIResponse(responseCode = "200", description = "The subject's disclosures")
    @APIResponse(responseCode = "403", description = "forbidden: includeWithheld=true is for the privacy officer "
            + "and dsr-service only")
    public List<SubjectDisclosureView> disclosures(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId,
            @QueryParam("includeWithheld") @DefaultValue("false") boolean includeWithheld) {
        if (includeWithheld && !identity.hasRole(Roles.DSR_SERVICE)) {
            requirePrivacyOfficerFor(true);
        }
        Map<String, Recipient> recipients = registry.all().stream()
                .collect(Collectors.toMap(Recipient::code, Function.identity()));
        return ledger.forSubject(subjectId, includeWithheld).stream()
                .map(entry -> SubjectDisclosureView.of(entry, recipients.get(entry.disclosure().recipientCode()),
                        includeWithheld))
                .toList();
    }

    @POST
    @Path("/disclosures")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Record a disclosure that did not come from an event: a police request, a fraud check, "
            + "a credit reference")
    @APIResponse(responseCode = "201", description = "The disclosure as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubjectDisclosureView.class)))
    @APIResponse(responseCode = "400", description = "unknown-recipient: the disclosure names a recipient that is "
            + "not registered; category-not-registered: the registry does not list a data category for the "
            + "recipient; invalid-legal-basis: the basis cannot cover a disclosure to a third party; "
            + "withholding-not-allowed: only disclosures to law enforcement or fraud prevention may be withheld "
            + "from the subject; disclosed-in-future: disclosedAt is in the future")
    @APIResponse(responseCode = "409", description = "disclosure-exists: a disclosure to the recipient with this "
            + "reference is recorded for the subject")
    public Response record(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId,
            @NotNull @Valid RecordDisclosureRequest request) {
        Disclosure disclosure = ledger.record(subjectId, request.toCommand());
        Recipient recipient = registry.one(disclosure.recipientCode());
        return Response.status(Response.Status.CREATED)
                .entity(SubjectDisclosureView.of(new SubjectDisclosure(disclosure, request.note()), recipient, true))
                .build();
    }

    @GET
    @Path("/notices")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CUSTOMER_SERVICE, Roles.AUDITOR})
    @Operation(summary = "The recipients told about the subject's erasure, rectification or restriction (Art. 19), "
            + "or to remove the subject from audience uploads whose consent was taken away (kind). Notices to "
            + "recipients of withheld disclosures are left out unless the privacy officer asks with includeWithheld")
    @APIResponse(responseCode = "200", description = "The notices sent about the subject's data")
    @APIResponse(responseCode = "403", description = "forbidden: includeWithheld=true is for the privacy officer "
            + "only")
    public List<NoticeView> notices(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId,
            @QueryParam("includeWithheld") @DefaultValue("false") boolean includeWithheld) {
        requirePrivacyOfficerFor(includeWithheld);
        return notices.forSubject(subjectId, includeWithheld).stream()
                .map(n -> NoticeView.of(n, clock.instant())).toList();
    }

    /**
     * What the subject may not learn (DPA 2018 Sch. 2 para. 2) only the privacy officer sees. dsr-service may read
     * the withheld disclosures too: it keeps them out of the access package and lists them for the officer on the case.
     */
    private void requirePrivacyOfficerFor(boolean includeWithheld) {
        if (includeWithheld && !identity.hasRole(Roles.PRIVACY_OFFICER)) {
            throw new ForbiddenException("Only the privacy officer sees what is withheld from the subject");
        }
    }
}
