package com.justelegance.privacy.dsr.mailbox;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The intake in dsr-service's tests: records every message handed over, and fails on request, as an intake whose
 * database is down would. Replaces any other intake, so mailbox tests see exactly what the mailbox hands over.
 */
@Alternative
@Priority(1)
@Singleton
public class RecordingMailIntake implements MailIntake {

    private final List<IncomingMail> received = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @Override
    public void receive(IncomingMail mail) {
        if (failing) {
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
        failing = fail;
    }

    /** Forgets what was received and stops failing. */
    public void reset() {
        received.clear();
        failing = false;
    }
}
