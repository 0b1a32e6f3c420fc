package com.justelegance.privacy.dsr.mailbox;

/**
 * The privacy mailbox could not be read this time: the IMAP server is unreachable, refused the login, or lacks the
 * folder. Nothing is lost: messages stay in the inbox until a poll succeeds. The failures this wraps are about the
 * connection and the folders, never about one message (those are counted in {@link PollOutcome#failed()}), so
 * their words can be logged.
 */
public class MailboxUnavailableException extends RuntimeException {

    MailboxUnavailableException(Exception cause) {
        super("The privacy mailbox could not be read; it is tried again at the next poll: " + cause, cause);
    }
}
