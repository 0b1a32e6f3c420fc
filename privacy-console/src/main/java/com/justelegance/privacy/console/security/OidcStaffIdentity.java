package com.justelegance.privacy.console.security;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Gives a person signed in with the identity provider their console roles, on every request: quarkus-oidc reads
 * their name ({@code console.sign-in.oidc.name-claim}) and their provider groups
 * ({@code console.sign-in.oidc.groups-claim}) from the ID token, and this keeps only the roles those groups map to
 * ({@link OidcRoleMapping}). The provider's groups are dropped, so they never reach the services' tokens
 * ({@code BackendTokens}). Someone with no mapped group, or whose name is not a valid staff name, keeps no role at
 * all: the console's pages require a staff role, and {@link OidcSignInPage} tells them why they cannot come in.
 *
 * <p>Identities from the built-in sign-in (no ID token) pass unchanged.
 */
@ApplicationScoped
public class OidcStaffIdentity implements SecurityIdentityAugmentor {

    /** Attribute naming why a provider-signed-in person has no role: {@link Refusal}. */
    public static final String REFUSAL = OidcStaffIdentity.class.getName() + ".refusal";

    /** Why someone the provider signed in has no console role. */
    public enum Refusal { NO_MAPPED_GROUP, NOT_A_STAFF_NAME }

    private final OidcRoleMapping mapping;

    public OidcStaffIdentity(OidcSignInConfig config) {
        this.mapping = new OidcRoleMapping(config.roles());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getCredential(IdTokenCredential.class) == null) {
            return Uni.createFrom().item(identity);
        }
        String name = identity.getPrincipal().getName();
        boolean validName = name != null && StaffNames.VALID.matcher(name).matches();
        Set<String> roles = validName ? mapping.rolesFor(identity.getRoles()) : Set.of();
        // A new identity rather than builder(identity): that one would keep the provider's groups as roles.
        QuarkusSecurityIdentity.Builder staff = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission)
                .addRoles(roles);
        if (!validName) {
            staff.addAttribute(REFUSAL, Refusal.NOT_A_STAFF_NAME);
        } else if (roles.isEmpty()) {
            staff.addAttribute(REFUSAL, Refusal.NO_MAPPED_GROUP);
        }
        return Uni.createFrom().item(staff.build());
    }
}
