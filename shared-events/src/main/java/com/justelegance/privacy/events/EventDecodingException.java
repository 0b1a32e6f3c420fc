package com.justelegance.privacy.events;

/**
 * A record could not be turned into an {@link EventEnvelope}. The message says where and why, never what the
 * record contained, so it is safe to log and to put in a dead-letter header.
 */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
