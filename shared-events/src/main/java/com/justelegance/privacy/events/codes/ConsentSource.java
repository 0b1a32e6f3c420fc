package com.justelegance.privacy.events.codes;

/** Where a consent decision was collected. */
public enum ConsentSource {
    CHECKOUT,
    REGISTRATION,
    ACCOUNT_SETTINGS,
    COOKIE_BANNER,
    UNSUBSCRIBE_LINK,
    CUSTOMER_SERVICE,
    DATA_SUBJECT_REQUEST,
    /** The shopper on the privacy centre's preferences page, signed in with a one-time code. */
    PRIVACY_CENTRE
}
