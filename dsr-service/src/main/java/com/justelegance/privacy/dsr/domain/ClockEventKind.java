package com.justelegance.privacy.dsr.domain;

/** The events of a case that move its response clock, as stored and replayed through {@link ResponseClock}. */
public enum ClockEventKind {
    IDENTITY_RECEIVED,
    CLARIFICATION_REQUESTED,
    CLARIFICATION_RECEIVED,
    EXTENDED
}
