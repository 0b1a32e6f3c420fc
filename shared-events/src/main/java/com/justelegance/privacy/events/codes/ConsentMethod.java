package com.justelegance.privacy.events.codes;

/** How the person expressed a consent decision. */
public enum ConsentMethod {
    ACCEPT,
    REJECT,
    SAVE,
    GPC_SIGNAL
}
