package com.justelegance.privacy.console.backend;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** retention-service's API as the staff console calls it, as the person signed in; bodies read as plain JSON. */
@Path("/api/v1")
@RegisterRestClient(configKey = "retention")
@RegisterClientHeaders(StaffTokenHeaders.class)
@RegisterProvider(BackendProblems.Retention.class)
@Produces(MediaType.APPLICATION_JSON)
public interface RetentionApi extends AuditLogApi {

    /** The rules in force, one per record category. */
    @GET
    @Path("/retention-rules")
    List<Map<String, Object>> rules();

    /** Every version of the rules, newest first. */
    @GET
    @Path("/retention-rules/history")
    List<Map<String, Object>> ruleHistory();

    /** Dry run: who would be erased now or within the next days, and how many per category. */
    @GET
    @Path("/purge-preview")
    Map<String, Object> purgePreview(@QueryParam("days") int days, @QueryParam("limit") int limit);

    /** The purge run log, newest first. */
    @GET
    @Path("/purge-runs")
    List<Map<String, Object>> purgeRuns(@QueryParam("limit") int limit);

    /** Runs the purge now (privacy officer). */
    @POST
    @Path("/purge-runs")
    Map<String, Object> runPurge();

    /** The subject's retention anchors, due date and what holds it. */
    @GET
    @Path("/subjects/{subjectId}/timeline")
    Map<String, Object> timeline(@PathParam("subjectId") String subjectId);

    /** What holds the subject from being purged: legal holds, complaints, requests, restrictions. */
    @GET
    @Path("/subjects/{subjectId}/holds")
    Map<String, Object> holds(@PathParam("subjectId") String subjectId);

    /** Places a legal hold (privacy officer): reason, reference, endsOn. */
    @POST
    @Path("/subjects/{subjectId}/legal-holds")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> placeLegalHold(@PathParam("subjectId") String subjectId, Map<String, Object> hold);

    /** Releases a legal hold (privacy officer). */
    @POST
    @Path("/legal-holds/{holdId}/release")
    Map<String, Object> releaseLegalHold(@PathParam("holdId") UUID holdId);

}
