package com.justelegance.privacy.retention.rest;

import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.problem.RetentionProblem;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.retention.domain.PurgeRun;
import com.justelegance.privacy.retention.rest.PurgeDtos.Preview;
import com.justelegance.privacy.retention.rest.PurgeDtos.PurgeRunView;
import com.justelegance.privacy.retention.rest.PurgeDtos.RequestedErasureView;
import com.justelegance.privacy.retention.service.Purges;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import java.util.List;
import java.util.UUID;

/** The purge: manual runs, the run log, and the dry-run preview. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Purge")
public class PurgeResource {

    private final Purges purges;
    private final SecurityIdentity identity;

    public PurgeResource(Purges purges, SecurityIdentity identity) {
        this.purges = purges;
        this.identity = identity;
    }

    @POST
    @Path("/purge-runs")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Run the purge now: request erasure of every subject past its due date and not held")
    @APIResponse(responseCode = "201", description = "The run, finished, as the run log records it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PurgeRunView.class)))
    @APIResponse(responseCode = "409", description = "purge-run-in-progress: a purge run is in progress; its "
            + "outcome is in the run log when it ends")
    public Response run() {
        PurgeRun run = purges.run(PurgeRun.Trigger.MANUAL, identity.getPrincipal().getName())
                .orElseThrow(() -> new ProblemException(RetentionProblem.PURGE_RUN_IN_PROGRESS, "A purge run is in "
                        + "progress; its outcome is in the run log when it ends"));
        return Response.status(Response.Status.CREATED).entity(PurgeRunView.of(new Purges.RunRecord(run, 0)))
                .build();
    }

    @GET
    @Path("/purge-runs")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The run log, newest first")
    public List<PurgeRunView> recentRuns(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit) {
        return purges.recentRuns(limit).stream().map(PurgeRunView::of).toList();
    }

    @GET
    @Path("/purge-runs/{runId}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "One run of the purge")
    @APIResponse(responseCode = "200", description = "The run as the run log records it")
    @APIResponse(responseCode = "404", description = "purge-run-not-found: no purge run has this id")
    public PurgeRunView run(@PathParam("runId") UUID runId) {
        return purges.findRun(runId).map(PurgeRunView::of).orElseThrow(() -> runNotFound(runId));
    }

    @GET
    @Path("/purge-runs/{runId}/erasure-requests")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The erasures a run requested (subjects as keyed hashes) and which are confirmed")
    @APIResponse(responseCode = "200", description = "The erasures the run requested")
    @APIResponse(responseCode = "404", description = "purge-run-not-found: no purge run has this id")
    public List<RequestedErasureView> erasureRequests(
            @PathParam("runId") UUID runId,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit) {
        if (purges.findRun(runId).isEmpty()) {
            throw runNotFound(runId);
        }
        return purges.requestsOfRun(runId, limit).stream().map(RequestedErasureView::of).toList();
    }

    @GET
    @Path("/purge-preview")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Dry run: who would be erased now or within the next days, and how many per category")
    public Preview preview(
            @QueryParam("days") @DefaultValue("0") @Min(0) @Max(3660) int days,
            @QueryParam("limit") @DefaultValue("100") @Min(0) @Max(10000) int limit) {
        return Preview.of(purges.preview(days, limit));
    }

    private static ProblemException runNotFound(UUID runId) {
        return new ProblemException(RetentionProblem.PURGE_RUN_NOT_FOUND, "There is no purge run " + runId);
    }
}
