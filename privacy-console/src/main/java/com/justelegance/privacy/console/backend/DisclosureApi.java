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

/** disclosure-service's API as the staff console calls it, as the person signed in; bodies read as plain JSON. */
@Path("/api/v1")
@RegisterRestClient(configKey = "disclosure")
@RegisterClientHeaders(StaffTokenHeaders.class)
@RegisterProvider(BackendProblems.Disclosure.class)
@Produces(MediaType.APPLICATION_JSON)
public interface DisclosureApi extends AuditLogApi {

    /** Every registered recipient. */
    @GET
    @Path("/recipients")
    List<Map<String, Object>> recipients();

    /** What went to a recipient on the days from..to (inclusive, yyyy-MM-dd), oldest first. */
    @GET
    @Path("/recipients/{code}/disclosures")
    List<Map<String, Object>> disclosuresTo(@PathParam("code") String code, @QueryParam("from") String from,
                                            @QueryParam("to") String to, @QueryParam("limit") int limit);

    /** Art. 19 notices, newest first; overdue=true keeps the open ones past their response time. */
    @GET
    @Path("/notices")
    List<Map<String, Object>> notices(@QueryParam("status") String status, @QueryParam("overdue") boolean overdue,
                                      @QueryParam("limit") int limit);

    /** The Art. 30 summary: recipients and their volumes for the months from..to (yyyy-MM). */
    @GET
    @Path("/disclosure-summary")
    Map<String, Object> summary(@QueryParam("from") String from, @QueryParam("to") String to);

    /** Who received the subject's data (withheld ones left out). */
    @GET
    @Path("/subjects/{subjectId}/disclosures")
    List<Map<String, Object>> disclosuresOf(@PathParam("subjectId") String subjectId);

    /** The Art. 19 notices sent about the subject's data. */
    @GET
    @Path("/subjects/{subjectId}/notices")
    List<Map<String, Object>> noticesOf(@PathParam("subjectId") String subjectId);

}
