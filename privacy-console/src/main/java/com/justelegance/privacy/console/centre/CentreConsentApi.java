package com.justelegance.privacy.console.centre;

import com.justelegance.privacy.console.backend.BackendProblems;
import com.justelegance.privacy.console.backend.PrivacyCentreTokenHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/**
 * consent-service as the privacy centre calls it, with its own token: the purpose catalogue, a signed-in shopper's
 * current choices, and recording their decisions (source {@code PRIVACY_CENTRE}).
 */
@Path("/api/v1")
@RegisterRestClient(configKey = "consent")
@RegisterClientHeaders(PrivacyCentreTokenHeaders.class)
@RegisterProvider(BackendProblems.Consent.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CentreConsentApi {

    @GET
    @Path("/purposes")
    List<Map<String, Object>> purposes();

    @GET
    @Path("/subjects/{subjectId}/consents")
    List<Map<String, Object>> consents(@PathParam("subjectId") String subjectId);

    /** A decision; {@code secGpc} "1" passes the browser's Global Privacy Control signal on, else null. */
    @POST
    @Path("/subjects/{subjectId}/consent-decisions")
    Map<String, Object> decide(@PathParam("subjectId") String subjectId, @HeaderParam("Sec-GPC") String secGpc,
                               Map<String, Object> decision);
}
