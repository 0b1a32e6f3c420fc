package com.justelegance.privacy.events.codes;

/** The kinds of data-subject request the UK GDPR gives people, as dsr-service records them. */
public enum SubjectRequestType {
    ACCESS,
    RECTIFICATION,
    ERASURE,
    RESTRICTION,
    OBJECTION,
    PORTABILITY,
    CONSENT_WITHDRAWAL
}
