package com.justelegance.privacy.console.security;

import com.justelegance.privacy.console.backend.StaffTokenHeaders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Test-only: the claims of the token the console would send the services for the person signed in (what
 * {@link StaffTokenHeaders} puts on every staff client's call), so a test can see the name and role they carry.
 */
@Path("/console/test-only/backend-token")
public class BackendTokenProbe {

    @Inject
    StaffTokenHeaders headers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({StaffRole.PRIVACY_OFFICER, StaffRole.CUSTOMER_SERVICE, StaffRole.AUDITOR})
    public String claims() {
        String bearer = headers.update(new MultivaluedHashMap<>(), new MultivaluedHashMap<>())
                .getFirst("Authorization");
        String payload = bearer.substring("Bearer ".length()).split("\\.")[1];
        return new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    }
}
