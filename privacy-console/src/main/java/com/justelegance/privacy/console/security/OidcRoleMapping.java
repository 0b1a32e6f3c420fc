package com.justelegance.privacy.console.security;

import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a person's groups at the identity provider into console roles through {@code console.sign-in.oidc.roles}
 * (provider group to role). Only the mapped roles are kept: a provider group never reaches the services' tokens,
 * and a mapping to a role the console does not know is ignored (with a warning at start-up), so the map cannot
 * invent a role.
 */
public final class OidcRoleMapping {

    private static final Logger LOG = Logger.getLogger(OidcRoleMapping.class);

    private final Map<String, String> groupToRole;

    public OidcRoleMapping(Map<String, String> configured) {
        this.groupToRole = configured.entrySet().stream()
                .filter(entry -> {
                    boolean known = StaffRole.ALL.contains(entry.getValue());
                    if (!known) {
                        LOG.warnf("console.sign-in.oidc.roles maps a group to '%s', which is not a console role %s; "
                                + "that mapping is ignored", entry.getValue(), StaffRole.ALL);
                    }
                    return known;
                })
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The console roles of someone in these provider groups; empty when no group is mapped. */
    public Set<String> rolesFor(Collection<String> groups) {
        return groups.stream().map(groupToRole::get).filter(role -> role != null)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether any group is mapped at all (with none, nobody can sign in with the provider). */
    public boolean isEmpty() {
        return groupToRole.isEmpty();
    }
}
