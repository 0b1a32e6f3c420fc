package com.justelegance.privacy.retention.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One dated contact with a subject, taken from the event that reported it. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;

    @Column(name = "kind", nullable = false, updatable = false)
    private String kind;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected TimelineEntry() {
    }

    public TimelineEntry(UUID eventId, String subjectId, String kind, Instant occurredAt, Instant recordedAt) {
        this.eventId = eventId;
        this.subjectId = subjectId;
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
    }

    public UUID eventId() {
        return eventId;
    }

    public String subjectId() {
        return subjectId;
    }

    public String kind() {
        return kind;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
