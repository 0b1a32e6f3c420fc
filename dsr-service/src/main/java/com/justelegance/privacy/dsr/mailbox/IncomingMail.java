package com.justelegance.privacy.dsr.mailbox;

import java.time.Instant;
import java.util.List;

/**
 * One message from the privacy mailbox, as the intake gets it: personal data (the sender, what they wrote), to be
 * kept on a case and never logged or put on an event.
 *
 * @param messageId   the Message-ID header; for a message without one, a stable id made from its content
 *                    ({@code <sha256-...@privacy-mailbox.invalid>}), so a message handed over twice has the same id
 * @param from        the sender's address; {@code null} when the message names none
 * @param fromName    the sender's name as their mail program gives it; {@code null} when there is none
 * @param to          the addresses in To and Cc
 * @param subject     the subject; empty when there is none
 * @param textBody    the text: the text/plain part, or the HTML part turned into text; empty when there is none
 * @param receivedAt  when the mail server received it (or, failing that, when it says it was sent)
 * @param attachments how many attachments came with it (not read: requests are taken from the text)
 */
public record IncomingMail(String messageId, String from, String fromName, List<String> to, String subject,
                           String textBody, Instant receivedAt, int attachments) {

    public IncomingMail {
        to = List.copyOf(to);
    }

    /** No personal data: what a log line may say about this message. */
    @Override
    public String toString() {
        return "IncomingMail[" + textBody.length() + " characters, " + attachments + " attachments]";
    }
}
