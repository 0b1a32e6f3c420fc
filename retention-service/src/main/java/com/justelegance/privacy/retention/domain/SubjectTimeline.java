package com.justelegance.privacy.retention.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A subject's retention anchors (each only ever moves forward), the erasure due date the rules give them (indexed,
 * so the purge job finds who is due without evaluating anyone else), and whether the purge requested erasure.
 */
@Entity
@Table(name = "subject_timeline")
public class SubjectTimeline {

    @Id
    @Column(name = "subject_id")
    private String subjectId;

    @Column(name = "last_contact_at", nullable = false)
    private Instant lastContactAt;

    @Column(name = "last_order_at")
    private Instant lastOrderAt;

    @Column(name = "account_opened_at")
    private Instant accountOpenedAt;

    @Column(name = "account_closed_at")
    private Instant accountClosedAt;

    @Column(name = "consent_withdrawn_at")
    private Instant consentWithdrawnAt;

    @Column(name = "reappeared_at")
    private Instant reappearedAt;

    @Column(name = "erasure_due_at")
    private Instant erasureDueAt;

    @Column(name = "erasure_requested_at")
    private Instant erasureRequestedAt;

    @Column(name = "erasure_request_id")
    private String erasureRequestId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SubjectTimeline() {
    }

    public SubjectAnchors anchors() {
        return new SubjectAnchors(lastContactAt, lastOrderAt, accountOpenedAt, accountClosedAt, consentWithdrawnAt,
                reappearedAt);
    }

    /** Recomputes the erasure due date under the policy. */
    public void applyPolicy(RetentionPolicy policy) {
        erasureDueAt = policy.erasureDueAt(anchors()).orElse(null);
    }

    public String subjectId() {
        return subjectId;
    }

    public Instant lastContactAt() {
        return lastContactAt;
    }

    public Instant erasureDueAt() {
        return erasureDueAt;
    }

    /** When the purge requested this subject's erasure, or null. */
    public Instant erasureRequestedAt() {
        return erasureRequestedAt;
    }

    public String erasureRequestId() {
        return erasureRequestId;
    }
}
