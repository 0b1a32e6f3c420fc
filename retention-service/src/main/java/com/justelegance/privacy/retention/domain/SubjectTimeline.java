package com.justelegance.privacy.retention.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A subject's retention anchors; so far the latest contact, from which the policy's six years run. */
@Entity
@Table(name = "subject_timeline")
public class SubjectTimeline {

    @Id
    @Column(name = "subject_id")
    private String subjectId;

    @Column(name = "last_contact_at", nullable = false)
    private Instant lastContactAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SubjectTimeline() {
    }

    public String subjectId() {
        return subjectId;
    }

    public Instant lastContactAt() {
        return lastContactAt;
    }
}
