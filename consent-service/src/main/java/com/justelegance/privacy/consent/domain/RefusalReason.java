package com.justelegance.privacy.consent.domain;

/** Why a consent check says no. */
public enum RefusalReason {
    /** The purpose needs consent and the subject has never given it. */
    NO_CONSENT,
    /** The subject said no when asked (or Global Privacy Control said it for them). */
    DENIED,
    /** The subject withdrew an earlier consent. */
    WITHDRAWN,
    /** The subject objected to processing on legitimate interest (for direct marketing, absolute). */
    OBJECTED,
    /** The subject was erased; nothing about them may be used. */
    SUBJECT_ERASED,
    /**
     * Processing of the subject's data is restricted (UK GDPR Art. 18, a request to dsr-service): it may only be
     * stored, whatever the subject chose, until the restriction is lifted.
     */
    RESTRICTED
}
