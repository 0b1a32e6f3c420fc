package com.justelegance.privacy.dsr.mailbox;

/**
 * What happens to a message people sent to the privacy address: the case lifecycle implements it (open a case or
 * add to one, classify it with {@link RequestClassifier}, answer with an acknowledgement). {@link PrivacyMailbox}
 * calls it once per message and moves the message out of the inbox only after it returns; if it throws, the message
 * stays and comes again at the next poll. A message can also come again after a crash between the two, so
 * implementations must treat a {@link IncomingMail#messageId()} they already have as done.
 */
public interface MailIntake {

    /** Takes in one message; returns once it is safely recorded. Throws to have it delivered again later. */
    void receive(IncomingMail mail);
}
