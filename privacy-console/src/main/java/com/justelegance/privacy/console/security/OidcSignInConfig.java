package com.justelegance.privacy.console.security;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

/**
 * The console's settings for signing staff in with the retailer's identity provider (OpenID Connect). The provider
 * itself (its URL, the console's client id and secret) is quarkus-oidc's {@code quarkus.oidc.*}; these say what the
 * sign-in page calls it and how a person's provider groups become console roles.
 */
@ConfigMapping(prefix = "console.sign-in.oidc")
public interface OidcSignInConfig {

    /** The provider's name on the sign-in page's button ("Sign in with ..."). */
    String displayName();

    /** The ID token claim holding the person's staff name (it must be a valid name, see {@link StaffNames}). */
    String nameClaim();

    /** The ID token claim holding the person's groups at the provider. */
    String groupsClaim();

    /** Provider group to console role ({@link StaffRole}); a person in none of these groups is refused. */
    Map<String, String> roles();
}
