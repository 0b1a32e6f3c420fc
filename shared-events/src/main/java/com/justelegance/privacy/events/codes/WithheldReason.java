package com.justelegance.privacy.events.codes;

/** Why a service kept some data when asked to erase a subject. */
public enum WithheldReason {
    /** A law requires keeping it, e.g. HMRC accounting records for six years. */
    LEGAL_OBLIGATION,
    /** Needed to establish or defend a legal claim, e.g. an ongoing complaint or dispute. */
    LEGAL_CLAIM,
    /** A legal hold placed by the privacy officer. */
    LEGAL_HOLD,
    /** The keyed hash that stops the person being marketed to again. */
    SUPPRESSION_LIST,
    /** The minimal record that an erasure happened, kept for accountability. */
    ERASURE_RECORD
}
