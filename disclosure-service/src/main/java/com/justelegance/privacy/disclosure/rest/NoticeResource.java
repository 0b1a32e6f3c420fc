package com.justelegance.privacy.disclosure.rest;

import com.justelegance.privacy.disclosure.domain.NoticeStatus;
import com.justelegance.privacy.disclosure.domain.Recipient;
import com.justelegance.privacy.disclosure.rest.NoticeDtos.NoticeView;
import com.justelegance.privacy.disclosure.rest.NoticeDtos.OutcomeRequest;
import com.justelegance.privacy.disclosure.service.RecipientNotices;
import com.justelegance.privacy.kit.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Art. 19 notices to recipients: the privacy officer's work queue and the record of each notice's outcome. */
@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Art. 19 notices")
public class NoticeResource {

    private final RecipientNotices notices;
    private final Clock clock;

    public NoticeResource(RecipientNotices notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Notices, newest first; overdue=true keeps the open ones past their recipient's response "
            + "time, status=TASK_OPEN is the work queue of notices a person must send")
    public List<NoticeView> list(@QueryParam("status") NoticeStatus status,
                                 @QueryParam("recipient") @Pattern(regexp = Recipient.CODE_PATTERN) String recipient,
                                 @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                                 @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        return notices.matching(status, recipient, overdue, limit).stream()
                .map(n -> NoticeView.of(n, clock.instant())).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "One notice")
    @APIResponse(responseCode = "200", description = "The notice")
    @APIResponse(responseCode = "404", description = "unknown-notice: no notice has this id")
    public NoticeView one(@PathParam("id") UUID id) {
        return NoticeView.of(notices.one(id), clock.instant());
    }

    @POST
    @Path("/{id}/outcome")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Record that a notice was sent or acknowledged, or why telling the recipient is "
            + "impossible or disproportionate")
    @APIResponse(responseCode = "200", description = "The notice with its outcome")
    @APIResponse(responseCode = "400", description = "explanation-required: the outcome needs an explanation of why "
            + "telling the recipient cannot be done or would take disproportionate effort")
    @APIResponse(responseCode = "404", description = "unknown-notice: no notice has this id")
    @APIResponse(responseCode = "409", description = "notice-state: the notice is not, or no longer, in a state "
            + "that allows the outcome")
    public NoticeView recordOutcome(@PathParam("id") UUID id, @NotNull @Valid OutcomeRequest request) {
        return NoticeView.of(notices.recordOutcome(id, request.outcome(), request.explanation()), clock.instant());
    }
}
