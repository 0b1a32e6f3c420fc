package com.justelegance.privacy.console.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Provider groups to console roles: only mapped groups count, and a map cannot name a role the console lacks. */
class OidcRoleMappingTest {

    private final OidcRoleMapping mapping = new OidcRoleMapping(Map.of(
            "privacy-team", StaffRole.PRIVACY_OFFICER,
            "support", StaffRole.CUSTOMER_SERVICE,
            "admins", "administrator"));

    @Test
    void mappedGroupsGiveTheirRolesAndOtherGroupsNothing() {
        assertEquals(Set.of(StaffRole.PRIVACY_OFFICER), mapping.rolesFor(List.of("privacy-team", "all-staff")));
        assertEquals(Set.of(StaffRole.PRIVACY_OFFICER, StaffRole.CUSTOMER_SERVICE),
                mapping.rolesFor(List.of("support", "privacy-team")));
    }

    @Test
    void noMappedGroupOrAMappingToAnUnknownRoleGivesNoRole() {
        assertTrue(mapping.rolesFor(List.of("warehouse", "all-staff")).isEmpty());
        assertTrue(mapping.rolesFor(List.of("admins")).isEmpty());
        assertTrue(mapping.rolesFor(List.of()).isEmpty());
    }
}
