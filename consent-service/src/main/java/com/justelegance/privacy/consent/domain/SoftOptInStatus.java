package com.justelegance.privacy.consent.domain;

/** Whether a soft opt-in took effect: it needs an order the storefront reported for the same person. */
public enum SoftOptInStatus {
    /** Its order was known: the grant took effect (where the person had not decided otherwise). */
    CONFIRMED,
    /** Its order has not been seen yet: nothing is granted until it is, for a bounded time. */
    PENDING,
    /** The order was not seen in time: it never took effect. */
    LAPSED
}
