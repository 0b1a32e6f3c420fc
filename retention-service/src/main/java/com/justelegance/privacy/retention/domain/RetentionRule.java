package com.justelegance.privacy.retention.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The retention rule in force for one record category, and who last changed it. */
@Entity
@Table(name = "retention_rule")
public class RetentionRule {

    @Id
    @Column(name = "category")
    private String category;

    @Enumerated(EnumType.STRING)
    @Column(name = "anchor", nullable = false)
    private RetentionAnchor anchor;

    @Column(name = "period", nullable = false)
    private String period;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false)
    private RetentionAction action;

    @Column(name = "reason", nullable = false)
    private String reason;

    @Column(name = "version", nullable = false)
    private int version;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    protected RetentionRule() {
    }

    public RetentionRule(String category, int version) {
        this.category = category;
        this.version = version;
    }

    /** Sets the rule's terms as a new version; returns false, changing nothing, when they are the same. */
    public boolean change(RetentionAnchor anchor, RetentionPeriod period, RetentionAction action, String reason,
                          Instant at, String by) {
        boolean same = anchor == this.anchor && period.toString().equals(this.period) && action == this.action
                && reason.equals(this.reason);
        if (same) {
            return false;
        }
        if (this.anchor != null) {
            version++;
        }
        this.anchor = anchor;
        this.period = period.toString();
        this.action = action;
        this.reason = reason;
        this.changedAt = at;
        this.changedBy = by;
        return true;
    }

    public RetentionPolicy.Term term() {
        return new RetentionPolicy.Term(category, anchor, RetentionPeriod.parse(period));
    }

    public String category() {
        return category;
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

    public int version() {
        return version;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public String changedBy() {
        return changedBy;
    }
}
