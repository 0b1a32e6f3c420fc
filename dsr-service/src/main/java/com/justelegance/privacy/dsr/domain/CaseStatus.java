package com.justelegance.privacy.dsr.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a data-subject request stands. The open statuses are worked on; the last four close the case, and a closed
 * case changes no more.
 */
public enum CaseStatus {
    /** Recorded; nobody has acted on it yet. */
    RECEIVED,
    /** Proof of identity was asked for: the month starts afresh on the day it arrives, so the clock waits. */
    AWAITING_IDENTITY,
    /** Clarification was asked for: the clock is stopped until the answer. */
    AWAITING_CLARIFICATION,
    /** Being answered. */
    IN_PROGRESS,
    /** Waiting for the other services, e.g. their erasure receipts. */
    AWAITING_OTHER_SERVICES,
    /** Answered in full. */
    COMPLETED,
    /** Answered, with some data withheld; the case says what and why. */
    PARTIALLY_COMPLETED,
    /** Refused, with the reason and the right to complain to the ICO. */
    REFUSED,
    /** The requester withdrew it. */
    WITHDRAWN;

    private static final Set<CaseStatus> CLOSED = EnumSet.of(COMPLETED, PARTIALLY_COMPLETED, REFUSED, WITHDRAWN);

    public boolean open() {
        return !CLOSED.contains(this);
    }
}
