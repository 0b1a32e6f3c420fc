package com.justelegance.privacy.console.security;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Which ways of signing in the console offers, for the sign-in page ({@code {inject:signInOptions.oidc}}) and the
 * identity providers: the built-in form ({@code console.sign-in.built-in.enabled}, on unless switched off) and the
 * retailer's identity provider, offered only when quarkus-oidc's tenant is switched on ({@code quarkus.oidc.tenant-enabled},
 * env {@code CONSOLE_OIDC_ENABLED}) and has a provider ({@code quarkus.oidc.auth-server-url}, env
 * {@code CONSOLE_OIDC_AUTH_SERVER_URL}).
 */
@Startup // so that its warnings about the sign-in settings appear when the console starts
@Named("signInOptions")
@ApplicationScoped
public class SignInOptions {

    /** Where the sign-in page's button goes: the path that starts the authorization-code flow. */
    public static final String OIDC_PATH = "/console/sso";

    private static final Logger LOG = Logger.getLogger(SignInOptions.class);

    private final boolean builtIn;
    private final boolean oidc;
    private final String oidcName;

    public SignInOptions(@ConfigProperty(name = "console.sign-in.built-in.enabled") boolean builtIn,
                         @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
                         @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean tenant,
                         OidcSignInConfig oidcConfig) {
        this.builtIn = builtIn;
        this.oidc = tenant && authServerUrl.filter(url -> !url.isBlank()).isPresent();
        this.oidcName = oidcConfig.displayName();
        if (!tenant && authServerUrl.isPresent()) {
            LOG.warn("An identity provider is configured (quarkus.oidc.auth-server-url) but switched off "
                    + "(quarkus.oidc.tenant-enabled, CONSOLE_OIDC_ENABLED): staff cannot sign in with it");
        }
        if (oidc && oidcConfig.roles().isEmpty()) {
            LOG.warn("Signing in with the identity provider is on, but console.sign-in.oidc.roles maps no group to a "
                    + "console role: everyone it signs in will be refused");
        }
        if (!builtIn && !oidc) {
            LOG.warn("The built-in sign-in is off and no identity provider is on: nobody can sign in to the console");
        }
    }

    /** The built-in name-and-password form. */
    public boolean isBuiltIn() {
        return builtIn;
    }

    /** Signing in with the identity provider. */
    public boolean isOidc() {
        return oidc;
    }

    /** The identity provider's name, as the sign-in page shows it. */
    public String getOidcName() {
        return oidcName;
    }

    public String getOidcPath() {
        return OIDC_PATH;
    }
}
