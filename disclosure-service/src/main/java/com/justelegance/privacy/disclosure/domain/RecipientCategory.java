package com.justelegance.privacy.disclosure.domain;

/** The kinds of third party the privacy policy names. */
public enum RecipientCategory {
    COURIER,
    PAYMENT,
    MARKETPLACE,
    SOCIAL,
    ANALYTICS,
    REFERENCE_AGENCY,
    FRAUD_PREVENTION,
    AUTHORITY
}
