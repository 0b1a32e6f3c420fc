package com.justelegance.privacy.console.backend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Puts the privacy centre's own token on every call of the privacy centre's clients. */
@ApplicationScoped
public class PrivacyCentreTokenHeaders implements ClientHeadersFactory {

    @Inject
    BackendTokens tokens;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.add("Authorization", "Bearer " + tokens.forPrivacyCentre());
        return headers;
    }
}
