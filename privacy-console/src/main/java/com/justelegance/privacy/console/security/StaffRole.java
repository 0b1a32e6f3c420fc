package com.justelegance.privacy.console.security;

import java.util.List;

/**
 * The staff roles that can sign in to the console: the same names the services' tokens carry (service-kit's
 * {@code Roles}), so a signed-in person's role is passed on unchanged and the services decide what it may do.
 */
public final class StaffRole {

    public static final String PRIVACY_OFFICER = "privacy-officer";
    public static final String CUSTOMER_SERVICE = "customer-service";
    public static final String AUDITOR = "auditor";

    /** Every role a staff member may hold. */
    public static final List<String> ALL = List.of(PRIVACY_OFFICER, CUSTOMER_SERVICE, AUDITOR);

    private StaffRole() {
    }
}
