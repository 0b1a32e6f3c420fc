package com.justelegance.privacy.console.centre;

import com.justelegance.privacy.console.backend.BackendProblems;
import com.justelegance.privacy.console.backend.PrivacyCentreTokenHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;
import java.util.UUID;

/**
 * dsr-service's privacy-centre API ({@code /api/v1/privacy-centre}), called with the privacy centre's own token:
 * a shopper's requests and the one-time codes that sign them in. Bodies are plain JSON maps.
 */
@Path("/api/v1/privacy-centre")
@RegisterRestClient(configKey = "dsr")
@RegisterClientHeaders(PrivacyCentreTokenHeaders.class)
@RegisterProvider(BackendProblems.Dsr.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CentreDsrApi {

    /** {@code {type, email, name?, message?}}: the shopper view of the request opened. */
    @POST
    @Path("/requests")
    Map<String, Object> open(Map<String, Object> request);

    @GET
    @Path("/requests/{id}")
    Map<String, Object> request(@PathParam("id") UUID id);

    @POST
    @Path("/requests/{id}/identity-code")
    Map<String, Object> confirmCode(@PathParam("id") UUID id, Map<String, Object> code);

    /** Always the same answer, whether or not the address is a customer's. */
    @POST
    @Path("/sign-in-codes")
    Map<String, Object> sendSignInCode(Map<String, Object> email);

    /** {@code {subjectId}} for the right code; a 400 problem otherwise. */
    @POST
    @Path("/sign-ins")
    Map<String, Object> signIn(Map<String, Object> emailAndCode);
}
