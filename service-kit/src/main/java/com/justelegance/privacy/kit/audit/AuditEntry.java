package com.justelegance.privacy.kit.audit;

import java.time.Instant;

/**
 * One audit log entry as stored: who did what, when, about which subject (as a keyed hash), and its link in the
 * chain: {@code sealed} false, and both hashes null, while the sealer has not chained it yet.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String subjectRef,
                         String details, boolean sealed, String prevHash, String hash) {
}
