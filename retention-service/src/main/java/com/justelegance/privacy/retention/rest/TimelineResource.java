package com.justelegance.privacy.retention.rest;

import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.retention.domain.SubjectAnchors;
import com.justelegance.privacy.retention.domain.SubjectTimeline;
import com.justelegance.privacy.retention.rest.HoldDtos.HoldReasonView;
import com.justelegance.privacy.retention.rest.TimelineDtos.TimelineView;
import com.justelegance.privacy.retention.service.Timelines;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** A subject's retention timeline. */
@Path("/api/v1/subjects/{subjectId}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timelines")
public class TimelineResource {

    private final Timelines timelines;
    private final SecurityIdentity identity;

    public TimelineResource(Timelines timelines, SecurityIdentity identity) {
        this.timelines = timelines;
        this.identity = identity;
    }

    @GET
    // dsr-service reads it for access packages: when the subject's data is due to go, and why.
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.DSR_SERVICE})
    @Operation(summary = "The subject's retention anchors, erasure due date, what holds it from being purged, and "
            + "the dated contacts behind them")
    @APIResponse(responseCode = "200", description = "The subject's timeline")
    @APIResponse(responseCode = "404", description = "subject-not-found: no timeline is held for the subject")
    public TimelineView timeline(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId) {
        Timelines.Timeline timeline = timelines.timeline(subjectId);
        SubjectTimeline subject = timeline.subject();
        SubjectAnchors anchors = subject.anchors();
        return new TimelineView(subject.subjectId(), anchors.lastContactAt(), anchors.lastOrderAt(),
                anchors.accountOpenedAt(), anchors.accountClosedAt(), anchors.accountOpen(),
                anchors.consentWithdrawnAt(), subject.erasureDueAt(), subject.erasureRequestedAt(),
                subject.erasureRequestId(), heldByForCaller(timeline),
                timeline.entries().stream()
                        .map(e -> new TimelineView.Entry(e.eventId(), e.kind(), e.occurredAt()))
                        .toList());
    }

    /**
     * What holds the subject, for the privacy officer and the auditor only. dsr-service reads the timeline to put
     * it in the subject's own access package, and a legal hold (a law-enforcement request, say) must not be
     * disclosed to the subject that way: whether it may be is the privacy officer's decision, case by case.
     */
    private List<HoldReasonView> heldByForCaller(Timelines.Timeline timeline) {
        boolean staff = identity.hasRole(Roles.PRIVACY_OFFICER) || identity.hasRole(Roles.AUDITOR);
        return staff ? HoldReasonView.of(timeline.heldBy()) : null;
    }
}
