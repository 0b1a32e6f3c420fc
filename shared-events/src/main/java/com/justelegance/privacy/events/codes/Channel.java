package com.justelegance.privacy.events.codes;

/** How the retailer reaches a person for a purpose: the channel a consent or an opt-out applies to. */
public enum Channel {
    EMAIL,
    SMS,
    POST,
    PHONE,
    WEB,
    SOCIAL_MEDIA
}
