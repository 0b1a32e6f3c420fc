package com.justelegance.privacy.retention.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One version of a retention rule as it was written: the history of who changed what. Never changed. */
@Entity
@Table(name = "retention_rule_version")
public class RetentionRuleVersion {

    /** What a version did to its rule. */
    public enum Change {
        CREATED,
        UPDATED,
        DELETED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "category", nullable = false, updatable = false)
    private String category;

    @Column(name = "version", nullable = false, updatable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(name = "change", nullable = false, updatable = false)
    private Change change;

    @Enumerated(EnumType.STRING)
    @Column(name = "anchor", nullable = false, updatable = false)
    private RetentionAnchor anchor;

    @Column(name = "period", nullable = false, updatable = false)
    private String period;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, updatable = false)
    private RetentionAction action;

    @Column(name = "reason", nullable = false, updatable = false)
    private String reason;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, updatable = false)
    private String changedBy;

    protected RetentionRuleVersion() {
    }

    public RetentionRuleVersion(RetentionRule rule, int version, Change change, Instant changedAt, String changedBy) {
        this.category = rule.category();
        this.version = version;
        this.change = change;
        this.anchor = rule.anchor();
        this.period = rule.period();
        this.action = rule.action();
        this.reason = rule.reason();
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    public String category() {
        return category;
    }

    public int version() {
        return version;
    }

    public Change change() {
        return change;
    }

    public RetentionAnchor anchor() {
        return anchor;
    }

    public String period() {
        return period;
    }

    public RetentionAction action() {
        return action;
    }

    public String reason() {
        return reason;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public String changedBy() {
        return changedBy;
    }
}
