package com.justelegance.privacy.events.codes;

/** Why an erasure was requested. */
public enum ErasureReason {
    /** A verified data-subject erasure request (UK GDPR Art. 17). */
    DATA_SUBJECT_REQUEST,
    /** The subject passed the end of its retention period with no hold. */
    RETENTION_EXPIRED,
    /** Data arrived for a subject that had already been erased (a late event, a restored backup). */
    DATA_REAPPEARED_AFTER_ERASURE
}
