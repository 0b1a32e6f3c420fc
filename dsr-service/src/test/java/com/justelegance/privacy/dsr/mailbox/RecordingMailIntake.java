package com.justelegance.privacy.dsr.mailbox;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The intake in dsr-service's tests: records every message handed over, and fails on request, as an intake whose
 * database is down would. Replaces any other intake, so mailbox tests see exactly what the mailbox hands over.
 */
@Alternative
@Priority(1)
@Singleton
public class RecordingMailIntake implements MailIntake {

    private final List<IncomingMail> received = new CopyOnWriteArrayList<>();
    private volatile Predicate<IncomingMail> failOn = mail -> false;

    @Override
    public void receive(IncomingMail mail) {
        if (failOn.test(mail)) {
            throw new IllegalStateException("intake unavailable (test)");
        }
        received.add(mail);
    }

    /** Every message taken in so far, in order. */
    public List<IncomingMail> received() {
        return List.copyOf(received);
    }

    /** From now on, every {@code receive} throws (true) or records (false). */
    public void failing(boolean fail) {
        failOn = mail -> fail;
    }

    /** From now on, {@code receive} throws for a message with this subject and records the others. */
    public void failingOn(String subject) {
        failOn = mail -> mail.subject().equals(subject);
    }

    /** Forgets what was received and stops failing. */
    public void reset() {
        received.clear();
        failOn = mail -> false;
    }
}
