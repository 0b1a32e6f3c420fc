package com.justelegance.privacy.kit.security;

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

    public static final java.util.List<String> ALL =
            java.util.List.of(STOREFRONT, MARKETING, CUSTOMER_SERVICE, PRIVACY_OFFICER, AUDITOR);

    private Roles() {
    }
}
