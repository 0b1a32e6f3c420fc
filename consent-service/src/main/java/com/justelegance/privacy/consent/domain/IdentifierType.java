package com.justelegance.privacy.consent.domain;

/** The kinds of contact identifier the suppression list knows. */
public enum IdentifierType {
    EMAIL,
    PHONE
}
