package com.justelegance.privacy.console.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each request of a signed-in person: the session cookie names them, and their role is read again from
 * {@link StaffUsers}, so a user removed from the file or given another role is refused or changed at once, not
 * when their session ends. With the built-in sign-in switched off, a session it gave earlier is no longer accepted.
 */
@ApplicationScoped
public class StaffSessions implements IdentityProvider<TrustedAuthenticationRequest> {

    private final StaffUsers users;
    private final SignInOptions options;

    public StaffSessions(StaffUsers users, SignInOptions options) {
        this.users = users;
        this.options = options;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        if (!options.isBuiltIn()) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return users.find(request.getPrincipal())
                .map(user -> Uni.createFrom().item((SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(user.name()))
                        .addRole(user.role())
                        .build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException()));
    }
}
