package com.justelegance.privacy.console.backend;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * dsr-service's case API as the staff console calls it, as the person signed in. Bodies are read as plain JSON
 * maps: the console only shows them, and a field dsr-service adds later must not break a page.
 */
@Path("/api/v1")
@RegisterRestClient(configKey = "dsr")
@RegisterClientHeaders(StaffTokenHeaders.class)
@RegisterProvider(BackendProblems.Dsr.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DsrApi extends AuditLogApi {

    @GET
    @Path("/requests")
    List<Map<String, Object>> queue(@QueryParam("status") String status, @QueryParam("type") String type,
                                    @QueryParam("overdue") Boolean overdue, @QueryParam("assignee") String assignee,
                                    @QueryParam("includeClosed") boolean includeClosed, @QueryParam("limit") int limit);

    @POST
    @Path("/requests")
    Map<String, Object> open(Map<String, Object> newCase);

    /**
     * Cases, open and closed, by {@code reference} or by the requester's {@code email}: a POST body, so the address
     * stays out of URLs and access logs.
     */
    @POST
    @Path("/requests/search")
    List<Map<String, Object>> search(Map<String, Object> criteria);

    /** Gathers the case's access package; with {@code release} false it is kept for review (no link, no letter). */
    @POST
    @Path("/requests/{id}/access-package")
    Map<String, Object> prepareAccessPackage(@PathParam("id") UUID id, @QueryParam("release") boolean release);

    /** The package as the requester would get it, and what is withheld from it (privacy officer). */
    @GET
    @Path("/requests/{id}/access-package/preview")
    Map<String, Object> accessPackagePreview(@PathParam("id") UUID id);

    /** Releases a package kept for review: its link goes to the requester. */
    @POST
    @Path("/requests/{id}/access-package/release")
    Map<String, Object> releaseAccessPackage(@PathParam("id") UUID id);

    @GET
    @Path("/requests/{id}")
    Map<String, Object> requestCase(@PathParam("id") UUID id);

    /** A case action: {@code identity-request}, {@code extension}, {@code refusal}, {@code assignment}... */
    @POST
    @Path("/requests/{id}/{action}")
    Map<String, Object> act(@PathParam("id") UUID id, @PathParam("action") String action, Map<String, Object> body);

    /** An action without a body: {@code erasure}, {@code access-package}, {@code marketing-objection}. */
    @POST
    @Path("/requests/{id}/{action}")
    Map<String, Object> act(@PathParam("id") UUID id, @PathParam("action") String action);

    @POST
    @Path("/requests/{id}/restriction/lift")
    Map<String, Object> liftRestriction(@PathParam("id") UUID id, Map<String, Object> body);

    @GET
    @Path("/requests/{id}/erasure")
    Map<String, Object> erasure(@PathParam("id") UUID id);

    @GET
    @Path("/requests/{id}/erasure/certificate")
    Map<String, Object> erasureCertificate(@PathParam("id") UUID id);

    @GET
    @Path("/requests/{id}/access-package")
    Map<String, Object> accessPackage(@PathParam("id") UUID id);

    @GET
    @Path("/requests/{id}/restriction")
    Map<String, Object> restriction(@PathParam("id") UUID id);

    @GET
    @Path("/restrictions")
    List<Map<String, Object>> restrictions();
}
