package com.justelegance.privacy.events.codes;

import com.justelegance.privacy.events.EventFieldRules;

/**
 * The processing purposes named in the privacy policy, as seeded into consent-service's purpose catalogue.
 *
 * <p>The catalogue is editable, so events carry a purpose as its {@link #name() code} string and consumers
 * must accept codes this enum does not know yet.
 */
public enum Purpose {
    EMAIL_MARKETING,
    SMS_MARKETING,
    POST_MARKETING,
    PHONE_MARKETING,
    PERSONALISED_EMAILS,
    ANALYTICS_COOKIES,
    ADVERTISING_COOKIES,
    SESSION_REPLAY_COOKIES,
    SOCIAL_MEDIA_AUDIENCES;

    /** The pattern every purpose code, seeded or added later, must match. */
    public static final String CODE_PATTERN = EventFieldRules.CODE_PATTERN;
}
