package com.justelegance.privacy.dsr.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a case's trail: who did what and when, the status before and after, and why. The why is what staff
 * or the requester wrote, so it is stored encrypted under the case's key.
 */
@Entity
@Table(name = "case_trail_entry")
public class CaseTrailEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private UUID caseId;

    @Column(name = "at", nullable = false, updatable = false)
    private Instant at;

    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;

    @Column(name = "action", nullable = false, updatable = false)
    private String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private CaseStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", updatable = false)
    private CaseStatus to;

    @Column(name = "why", updatable = false)
    private byte[] why;

    protected CaseTrailEntry() {
    }

    public CaseTrailEntry(UUID caseId, Instant at, String actor, String action, CaseStatus from, CaseStatus to,
                          byte[] why) {
        this.caseId = caseId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.from = from;
        this.to = to;
        this.why = why;
    }

    public UUID caseId() {
        return caseId;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public CaseStatus from() {
        return from;
    }

    public CaseStatus to() {
        return to;
    }

    public byte[] why() {
        return why;
    }
}
