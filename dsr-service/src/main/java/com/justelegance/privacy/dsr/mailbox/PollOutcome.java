package com.justelegance.privacy.dsr.mailbox;

/**
 * What one poll of the privacy mailbox did, in counts only.
 *
 * @param taken      messages handed to the intake and moved to the processed folder
 * @param failed     messages the intake (or reading them) failed on; they stay in the inbox for the next poll
 * @param leftAlone  messages in the inbox not addressed to the privacy address; left where they are
 */
public record PollOutcome(int taken, int failed, int leftAlone) {

    /** A poll that did not run (the mailbox is disabled) or found nothing. */
    public static final PollOutcome NOTHING = new PollOutcome(0, 0, 0);
}
