package com.justelegance.privacy.events.codes;

/** Whether a contact concerns a complaint, and whether it is still open (an open complaint holds erasure). */
public enum ComplaintStatus {
    NONE,
    OPEN,
    RESOLVED
}
