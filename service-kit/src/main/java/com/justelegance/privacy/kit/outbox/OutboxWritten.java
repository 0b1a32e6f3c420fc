package com.justelegance.privacy.kit.outbox;

/** Fired when a transaction writes to the outbox; the relay observes it after commit to send at once. */
record OutboxWritten() {
}
