package com.justelegance.privacy.kit.audit;

/** Fired when a transaction appends audit entries; the sealer observes it after commit to chain them at once. */
record AuditWritten() {
}
