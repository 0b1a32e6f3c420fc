package com.justelegance.privacy.retention.domain;

/** The moment a retention period runs from. */
public enum RetentionAnchor {
    /** The subject's latest contact of any kind; every subject has one. */
    LAST_CONTACT,
    /** The subject's latest order; applies to subjects who ordered. */
    ORDER_DATE,
    /** The closure of the subject's account; applies to subjects who had an account, never while it is open. */
    ACCOUNT_CLOSED,
    /** The subject's latest consent withdrawal; applies to subjects who withdrew a consent. */
    CONSENT_WITHDRAWN
}
