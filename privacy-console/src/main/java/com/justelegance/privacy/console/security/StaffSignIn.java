package com.justelegance.privacy.console.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Checks a name and password from the sign-in form against {@link StaffUsers} (bcrypt, on a worker thread: it is
 * slow on purpose). A failure says nothing about whether the name exists; the log names the user, never the
 * password. With {@code console.sign-in.built-in.enabled=false} (staff sign in with the identity provider only) every
 * name and password is refused.
 */
@ApplicationScoped
public class StaffSignIn implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(StaffSignIn.class);
    /** Compared against when the name is unknown, so that an unknown name takes as long as a wrong password. */
    private static final String NO_SUCH_USER_HASH = BcryptUtil.bcryptHash("no such user");

    private final StaffUsers users;
    private final SignInOptions options;

    public StaffSignIn(StaffUsers users, SignInOptions options) {
        this.users = users;
        this.options = options;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        if (!options.isBuiltIn()) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return context.runBlocking(() -> check(request.getUsername(), new String(request.getPassword().getPassword())));
    }

    private SecurityIdentity check(String name, String password) {
        var user = users.find(name);
        boolean matches = BcryptUtil.matches(password, user.map(StaffUsers.StaffUser::passwordHash)
                .orElse(NO_SUCH_USER_HASH));
        if (user.isEmpty() || !matches) {
            LOG.infof("Console sign-in refused for user %s", StaffNames.loggable(name));
            throw new AuthenticationFailedException();
        }
        LOG.infof("Console sign-in: %s (%s)", name, user.get().role());
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRole(user.get().role())
                .build();
    }
}
