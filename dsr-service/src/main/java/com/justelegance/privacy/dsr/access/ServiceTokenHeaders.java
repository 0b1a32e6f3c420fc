package com.justelegance.privacy.dsr.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Puts dsr-service's own bearer token on every call to a data source. Never the caller's token: the staff member
 * who asked for the package may not read the sources themselves, and a service role is what the sources allow.
 */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {

    private final ServiceTokens tokens;

    public ServiceTokenHeaders(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token());
        return headers;
    }
}
