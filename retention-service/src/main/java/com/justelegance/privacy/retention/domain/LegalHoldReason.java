package com.justelegance.privacy.retention.domain;

/** Why the privacy officer placed a legal hold. */
public enum LegalHoldReason {
    /** Litigation that is under way or reasonably expected. */
    LITIGATION,
    /** An investigation by the ICO or another regulator. */
    REGULATORY_INVESTIGATION,
    /** A request from the police or another law-enforcement body to preserve data. */
    LAW_ENFORCEMENT_REQUEST,
    /** A dispute with the customer that is not (yet) a complaint through the contact centre. */
    DISPUTE,
    /** Anything else; the reference says where the reasoning is kept. */
    OTHER
}
