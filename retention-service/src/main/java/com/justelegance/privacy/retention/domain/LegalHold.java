package com.justelegance.privacy.retention.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A legal hold on a subject's data: while it is active the subject is never purged. Placed and released by the
 * privacy officer; a hold with an end date lapses by itself after that day (UTC). Versioned, so that of two
 * concurrent releases only the first to commit changes the row.
 */
@Entity
@Table(name = "legal_hold")
public class LegalHold {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", nullable = false, updatable = false)
    private LegalHoldReason reason;

    @Column(name = "reference", nullable = false, updatable = false)
    private String reference;

    @Column(name = "ends_on", updatable = false)
    private LocalDate endsOn;

    @Column(name = "placed_at", nullable = false, updatable = false)
    private Instant placedAt;

    @Column(name = "placed_by", nullable = false, updatable = false)
    private String placedBy;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Column(name = "released_by")
    private String releasedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected LegalHold() {
    }

    public LegalHold(String subjectId, LegalHoldReason reason, String reference, LocalDate endsOn, Instant placedAt,
                     String placedBy) {
        this.id = UUID.randomUUID();
        this.subjectId = subjectId;
        this.reason = reason;
        this.reference = reference;
        this.endsOn = endsOn;
        this.placedAt = placedAt;
        this.placedBy = placedBy;
    }

    /** Ends the hold; returns false, changing nothing, when it was released before. */
    public boolean release(Instant at, String by) {
        if (releasedAt != null) {
            return false;
        }
        releasedAt = at;
        releasedBy = by;
        return true;
    }

    public UUID id() {
        return id;
    }

    public String subjectId() {
        return subjectId;
    }

    public LegalHoldReason reason() {
        return reason;
    }

    public String reference() {
        return reference;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public String placedBy() {
        return placedBy;
    }

    public Instant releasedAt() {
        return releasedAt;
    }

    public String releasedBy() {
        return releasedBy;
    }
}
