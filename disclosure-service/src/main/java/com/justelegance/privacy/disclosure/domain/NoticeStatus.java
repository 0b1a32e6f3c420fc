package com.justelegance.privacy.disclosure.domain;

/**
 * Where an Art. 19 notice stands. A notice is open until the recipient acknowledged it or the privacy officer
 * recorded why telling the recipient is impossible or would take disproportionate effort.
 */
public enum NoticeStatus {
    /** Being posted to the recipient's API, with retries. */
    DELIVERING,
    /** A person must send it (the recipient has no API, or the API refused it or kept failing). */
    TASK_OPEN,
    /** Sent by a person; waiting for the recipient's acknowledgement. */
    SENT,
    ACKNOWLEDGED,
    IMPOSSIBLE,
    DISPROPORTIONATE;

    public boolean closed() {
        return this == ACKNOWLEDGED || this == IMPOSSIBLE || this == DISPROPORTIONATE;
    }

    /** Whether recording this outcome needs an explanation (Art. 19's exceptions must be justified). */
    public boolean needsExplanation() {
        return this == IMPOSSIBLE || this == DISPROPORTIONATE;
    }

    /** Whether a person may record {@code outcome} on a notice in this state. */
    public boolean allowsOutcome(NoticeStatus outcome) {
        if (closed() || outcome == DELIVERING || outcome == TASK_OPEN) {
            return false;
        }
        return !(this == SENT && outcome == SENT);
    }
}
