package com.justelegance.privacy.kit.audit;

import java.time.Instant;

/** One audit log entry as stored: who did what, when, about which subject (as a keyed hash), and the chain. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String subjectRef,
                         String details, String prevHash, String hash) {
}
