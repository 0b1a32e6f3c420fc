package com.justelegance.privacy.kit;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a service's base URL answers: its name and where its documentation, health and metrics are. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service")
public class ServiceIndexResource {

    private final ServiceIndex index;

    public ServiceIndexResource(@ConfigProperty(name = "quarkus.application.name") String name,
                                @ConfigProperty(name = "quarkus.smallrye-openapi.info-description") String about) {
        this.index = new ServiceIndex(name, about, "/q/swagger-ui", "/q/openapi", "/q/health", "/q/metrics");
    }

    @GET
    @PermitAll
    @Operation(summary = "The service and its documentation, health and metrics endpoints (no token needed)")
    public ServiceIndex index() {
        return index;
    }

    /** The links a newcomer needs; every API under /api/v1 needs a bearer token. */
    public record ServiceIndex(String service, String about, String swaggerUi, String openApi, String health,
                               String metrics) {
    }
}
