package com.justelegance.privacy.kit.security;

import java.util.List;

/**
 * The roles a bearer token can carry (its {@code groups} claim). Every endpoint names the roles it allows;
 * anything unannotated is denied.
 */
public final class Roles {

    /** The storefront: records consents and activity, asks consent checks. */
    public static final String STOREFRONT = "storefront";
    /** Marketing tools: consent checks and suppression screening before a send. */
    public static final String MARKETING = "marketing";
    /** Customer-service staff: open and view data-subject requests. */
    public static final String CUSTOMER_SERVICE = "customer-service";
    /** The privacy officer: everything administrative. */
    public static final String PRIVACY_OFFICER = "privacy-officer";
    /** Auditors: read-only access to records and the audit log. */
    public static final String AUDITOR = "auditor";

    /**
     * dsr-service calling another service for a data-subject request (an access export): allows exactly those
     * calls, where the privacy-officer role would allow every administrative action.
     */
    public static final String DSR_SERVICE = "dsr-service";

    /**
     * The shoppers' privacy centre (privacy-console) acting for a shopper who is not a staff member: opens and
     * follows their own requests, signs them in with a one-time code, reads and records their consent choices.
     */
    public static final String PRIVACY_CENTRE = "privacy-centre";

    /** The roles people hold. */
    public static final List<String> ALL = List.of(STOREFRONT, MARKETING, CUSTOMER_SERVICE, PRIVACY_OFFICER, AUDITOR);

    /** The roles services hold when they call each other. */
    public static final List<String> SERVICES = List.of(DSR_SERVICE, PRIVACY_CENTRE);

    private Roles() {
    }
}
