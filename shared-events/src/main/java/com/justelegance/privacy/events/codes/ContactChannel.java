package com.justelegance.privacy.events.codes;

/** How a customer contacted the Customer Contact Centre. */
public enum ContactChannel {
    EMAIL,
    PHONE,
    CHAT,
    POST,
    SOCIAL_MEDIA
}
