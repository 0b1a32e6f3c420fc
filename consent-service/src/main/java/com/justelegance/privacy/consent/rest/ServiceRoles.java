package com.justelegance.privacy.consent.rest;

/**
 * Roles for calls between services, beside the people's roles in the kit's {@code Roles}. dsr-service fetches a
 * subject's data for an access request with a token carrying {@link #DSR_SERVICE}, which allows that export and
 * nothing else here (the privacy-officer role would allow every administrative action).
 */
public final class ServiceRoles {

    /** dsr-service, answering a data-subject access request. */
    public static final String DSR_SERVICE = "dsr-service";

    private ServiceRoles() {
    }
}
