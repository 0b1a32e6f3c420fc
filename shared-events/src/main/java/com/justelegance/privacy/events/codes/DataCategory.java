package com.justelegance.privacy.events.codes;

/** Categories of personal data the retailer holds, named as codes so events never carry the data itself. */
public enum DataCategory {
    CONTACT_NAME,
    DELIVERY_ADDRESS,
    INVOICE_ADDRESS,
    EMAIL,
    PHONE,
    PAYMENT_CARD,
    PURCHASE_HISTORY,
    ORDER_NOTES,
    ACCOUNT_CREDENTIALS,
    CONTACT_CENTRE_INTERACTIONS,
    IP_ADDRESS,
    DEVICE_INFO,
    BROWSING_HISTORY,
    LOCATION,
    COOKIE_IDENTIFIERS,
    REVIEWS,
    SOCIAL_MEDIA_INTERACTIONS,
    MARKETING_PREFERENCES,
    CONSENT_RECORDS,
    IDENTITY_EVIDENCE,
    DSR_CASE_FILE,
    DISCLOSURE_RECORDS,
    RETENTION_TIMELINE
}
