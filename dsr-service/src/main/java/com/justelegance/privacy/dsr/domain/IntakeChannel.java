package com.justelegance.privacy.dsr.domain;

/** How a request reached the retailer. */
public enum IntakeChannel {
    /** The privacy mailbox: the policy asks people to email. */
    EMAIL,
    /** The privacy centre's web form. */
    WEB_FORM,
    /** Taken by customer service on the phone. */
    PHONE,
    /** A letter. */
    POST,
    /** In a shop or at the counter. */
    IN_PERSON
}
