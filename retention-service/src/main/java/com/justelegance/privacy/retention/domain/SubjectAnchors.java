package com.justelegance.privacy.retention.domain;

import java.time.Instant;

/**
 * What a subject's retention depends on: the latest instant of each kind of contact, and whether data about them
 * reappeared after they were erased. Each anchor only ever moves forward.
 *
 * @param lastContactAt      the latest contact of any kind
 * @param lastOrderAt        the latest order, or null
 * @param accountOpenedAt    the latest account opening, or null
 * @param accountClosedAt    the latest account closure, or null
 * @param consentWithdrawnAt the latest consent withdrawal, or null
 * @param reappearedAt       when an event arrived for the subject after their erasure, or null
 */
public record SubjectAnchors(Instant lastContactAt, Instant lastOrderAt, Instant accountOpenedAt,
                             Instant accountClosedAt, Instant consentWithdrawnAt, Instant reappearedAt) {

    /** Whether the subject has an account that is open: opened, and not closed since. */
    public boolean accountOpen() {
        return accountOpenedAt != null && (accountClosedAt == null || accountOpenedAt.isAfter(accountClosedAt));
    }

    /** The same anchors, for a subject whose data reappeared after erasure at the given instant. */
    public SubjectAnchors reappearedAt(Instant at) {
        return new SubjectAnchors(lastContactAt, lastOrderAt, accountOpenedAt, accountClosedAt, consentWithdrawnAt, at);
    }

    /** Field by field the later of the two: what the subject's anchors are once both have been seen. */
    public SubjectAnchors merge(SubjectAnchors other) {
        return new SubjectAnchors(later(lastContactAt, other.lastContactAt), later(lastOrderAt, other.lastOrderAt),
                later(accountOpenedAt, other.accountOpenedAt), later(accountClosedAt, other.accountClosedAt),
                later(consentWithdrawnAt, other.consentWithdrawnAt), earlier(reappearedAt, other.reappearedAt));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** Reappearance keeps its first instant: the subject has been due for re-erasure since then. */
    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
