package com.justelegance.privacy.kit.inbox;

/**
 * Processing failed for a reason that is not the record's fault (database or broker unavailable, deadlock).
 * The batch is retried rather than dead-lettered.
 */
public class TransientProcessingException extends RuntimeException {

    public TransientProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
