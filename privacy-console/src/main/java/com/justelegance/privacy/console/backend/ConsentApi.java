package com.justelegance.privacy.console.backend;

import jakarta.ws.rs.GET;
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

/** consent-service's API as the staff console calls it, as the person signed in; bodies read as plain JSON. */
@Path("/api/v1")
@RegisterRestClient(configKey = "consent")
@RegisterClientHeaders(StaffTokenHeaders.class)
@RegisterProvider(BackendProblems.Consent.class)
@Produces(MediaType.APPLICATION_JSON)
public interface ConsentApi extends AuditLogApi {

    /** The purpose catalogue (every staff role). */
    @GET
    @Path("/purposes")
    List<Map<String, Object>> purposes();

    /** Registered policy versions, newest first (every staff role). */
    @GET
    @Path("/policy-versions")
    List<Map<String, Object>> policyVersions();

    /** Subjects whose granted consents predate the latest significant version, a page at a time. */
    @GET
    @Path("/policy-versions/stale-consents")
    Map<String, Object> staleConsents(@QueryParam("after") String after, @QueryParam("limit") int limit);

    /** The subject's current state per purpose. */
    @GET
    @Path("/subjects/{subjectId}/consents")
    List<Map<String, Object>> consents(@PathParam("subjectId") String subjectId);

    /** The subject's decisions, oldest first, with their proof. */
    @GET
    @Path("/subjects/{subjectId}/consent-decisions")
    List<Map<String, Object>> decisions(@PathParam("subjectId") String subjectId);

    /** A Kantara consent receipt per decision. */
    @GET
    @Path("/subjects/{subjectId}/consent-receipts")
    List<Map<String, Object>> receipts(@PathParam("subjectId") String subjectId);

}
