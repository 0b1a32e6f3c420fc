package com.justelegance.privacy.console.backend;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** retention-service's API as the staff console calls it, as the person signed in; bodies read as plain JSON. */
@Path("/api/v1")
@RegisterRestClient(configKey = "retention")
@RegisterClientHeaders(StaffTokenHeaders.class)
@RegisterProvider(BackendProblems.Retention.class)
@Produces(MediaType.APPLICATION_JSON)
public interface RetentionApi {
}
