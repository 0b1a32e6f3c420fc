package com.justelegance.privacy.consent.domain;

import com.justelegance.privacy.events.codes.Channel;

import java.util.Set;

/** The kinds of contact identifier the suppression list knows, and the channels each can be used on. */
public enum IdentifierType {
    EMAIL(Set.of(Channel.EMAIL)),
    PHONE(Set.of(Channel.SMS, Channel.PHONE));

    private final Set<Channel> channels;

    IdentifierType(Set<Channel> channels) {
        this.channels = channels;
    }

    /**
     * Whether an identifier of this type can be used to reach a person on the channel: an e-mail address only by
     * e-mail, a phone number only by text or call. A suppression is only ever recorded or reported on such a channel.
     */
    public boolean reaches(Channel channel) {
        return channels.contains(channel);
    }
}
