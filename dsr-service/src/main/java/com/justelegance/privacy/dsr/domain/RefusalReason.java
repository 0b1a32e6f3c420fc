package com.justelegance.privacy.dsr.domain;

/** Why a request may be refused under the UK GDPR (Art. 12(5)) and the DPA 2018; the letter explains it in words. */
public enum RefusalReason {
    /** Clearly no real wish to exercise the right, or made only to cause disruption. */
    MANIFESTLY_UNFOUNDED,
    /** Repeats a request just answered, or overlaps others, beyond what is reasonable. */
    MANIFESTLY_EXCESSIVE,
    /** The requester did not prove who they are when asked. */
    IDENTITY_NOT_VERIFIED,
    /** An exemption of the DPA 2018 Schedule 2 to 4 applies (e.g. legal privilege, crime prevention). */
    EXEMPTION_APPLIES,
    /** The retailer holds no personal data about the requester. */
    NO_DATA_HELD
}
