package com.justelegance.privacy.dsr.domain;

/** How staff checked who a requester is, and what came of it. */
public final class IdentityCheck {

    private IdentityCheck() {
    }

    /** How identity was checked. */
    public enum Method {
        /** A document seen by staff (passport, driving licence, utility bill). */
        DOCUMENT,
        /** A one-time code sent to the address on file, entered back. */
        ONE_TIME_CODE,
        /** The requester was signed in to their account. */
        SIGNED_IN_ACCOUNT,
        /** Questions only the account holder can answer (recent order, delivery postcode). */
        KNOWLEDGE_CHECK
    }

    /** What the check showed. */
    public enum Outcome {
        VERIFIED,
        FAILED
    }
}
