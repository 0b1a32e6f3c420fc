package com.justelegance.privacy.console.security;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Signing out ({@code POST /console/sign-out}) also ends the session of a person signed in with the identity
 * provider: the console's sign-out expires only the built-in session's cookie, so this removes quarkus-oidc's
 * session cookie as well. When the provider supports RP-initiated logout and {@code quarkus.oidc.logout.path} is
 * set to {@code /console/sign-out}, quarkus-oidc handles the sign-out before this (and signs the person out at the
 * provider too); this is the sign-out for providers without it.
 */
public class OidcSignOut {

    private final SecurityIdentity identity;
    private final OidcSession oidcSession;

    public OidcSignOut(SecurityIdentity identity, OidcSession oidcSession) {
        this.identity = identity;
        this.oidcSession = oidcSession;
    }

    // After the CSRF check: a sign-out without the form's token changes nothing.
    @ServerRequestFilter(priority = Priorities.USER + 1000)
    public Uni<Void> endProviderSession(ContainerRequestContext request) {
        if ("POST".equals(request.getMethod()) && "/console/sign-out".equals(request.getUriInfo().getPath())
                && !identity.isAnonymous() && identity.getCredential(IdTokenCredential.class) != null) {
            return oidcSession.logout();
        }
        return Uni.createFrom().voidItem();
    }
}
