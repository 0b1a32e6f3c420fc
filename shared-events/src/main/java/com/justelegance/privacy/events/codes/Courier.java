package com.justelegance.privacy.events.codes;

/** The couriers named in the privacy policy. */
public enum Courier {
    ROYAL_MAIL,
    DPD,
    PARCELFORCE
}
