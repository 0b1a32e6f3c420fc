package com.justelegance.privacy.console.security;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.net.URI;

/**
 * Signing in with the identity provider. {@code GET /console/sso} is protected by quarkus-oidc's
 * authorization-code flow alone ({@code quarkus.http.auth.permission.sso.auth-mechanism=code}): someone not signed
 * in is sent to the provider, and comes back here signed in. A person with a console role then goes to the
 * dashboard; anyone else has their new session ended at once and is shown why ({@code /console/sign-in/refused}),
 * never let in without a role.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class OidcSignInPage {

    private static final Logger LOG = Logger.getLogger(OidcSignInPage.class);

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance signInRefused(String provider, boolean notAStaffName);
    }

    private final SecurityIdentity identity;
    private final OidcSession oidcSession;
    private final SignInOptions options;

    public OidcSignInPage(SecurityIdentity identity, OidcSession oidcSession, SignInOptions options) {
        this.identity = identity;
        this.oidcSession = oidcSession;
        this.options = options;
    }

    @GET
    @Path("/sso")
    @Authenticated
    public Uni<Response> afterProviderSignIn() {
        Object refusal = identity.getAttribute(OidcStaffIdentity.REFUSAL);
        String name = identity.getPrincipal().getName();
        if (refusal == null && StaffRole.ALL.stream().anyMatch(identity::hasRole)) {
            LOG.infof("Console sign-in with the identity provider: %s %s", StaffNames.loggable(name),
                    identity.getRoles());
            return Uni.createFrom().item(Response.seeOther(URI.create("/console")).build());
        }
        LOG.infof("Console sign-in with the identity provider refused for %s: %s", StaffNames.loggable(name),
                refusal == null ? OidcStaffIdentity.Refusal.NO_MAPPED_GROUP : refusal);
        String reason = refusal == OidcStaffIdentity.Refusal.NOT_A_STAFF_NAME ? "name" : "role";
        // Ends the session quarkus-oidc has just opened, so that the person is signed out of the console.
        return oidcSession.logout().replaceWith(
                Response.seeOther(URI.create("/console/sign-in/refused?reason=" + reason)).build());
    }

    @GET
    @Path("/sign-in/refused")
    @PermitAll // Shown to someone the provider knows but the console does not let in: they have no session.
    public Response refused(@QueryParam("reason") String reason) {
        return Response.status(Response.Status.FORBIDDEN)
                .entity(Templates.signInRefused(options.getOidcName(), "name".equals(reason))).build();
    }
}
