package com.justelegance.privacy.console.centre;

import com.justelegance.privacy.console.backend.BackendProblems;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * dsr-service's public access-package download: the link's token is the only authority, so no bearer token is
 * sent. The answer is passed through as it came (JSON, HTML or PDF).
 */
@Path("/api/v1/access-packages")
@RegisterRestClient(configKey = "dsr")
@RegisterProvider(BackendProblems.Dsr.class)
public interface CentreDownloadApi {

    @GET
    @Path("/{token}")
    Response download(@PathParam("token") String token, @QueryParam("format") String format,
                      @HeaderParam("Accept") String accept);
}
