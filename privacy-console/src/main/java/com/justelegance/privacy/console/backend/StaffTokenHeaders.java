package com.justelegance.privacy.console.backend;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Puts the signed-in staff member's token on every call of the staff clients. A call without a signed-in person
 * goes out without a token, so the service refuses it: the console never calls as nobody in particular.
 */
@ApplicationScoped
public class StaffTokenHeaders implements ClientHeadersFactory {

    @Inject
    SecurityIdentity identity;
    @Inject
    BackendTokens tokens;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (!identity.isAnonymous()) {
            headers.add("Authorization", "Bearer "
                    + tokens.forStaff(identity.getPrincipal().getName(), identity.getRoles()));
        }
        return headers;
    }
}
