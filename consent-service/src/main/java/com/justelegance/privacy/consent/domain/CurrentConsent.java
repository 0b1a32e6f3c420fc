package com.justelegance.privacy.consent.domain;

import com.justelegance.privacy.events.codes.ConsentState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A subject's current state for one purpose: the projection of the decision history that checks read. Updated
 * in the transaction that records the decision, so a withdrawal is visible to the very next check.
 */
@Entity
@Table(name = "consent_state")
@IdClass(CurrentConsent.Key.class)
public class CurrentConsent {

    @Id
    @Column(name = "subject_id")
    private String subjectId;

    @Id
    @Column(name = "purpose_code")
    private String purposeCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private ConsentState state;

    @Column(name = "decision_id", nullable = false)
    private UUID decisionId;

    @Column(name = "since", nullable = false)
    private Instant since;

    protected CurrentConsent() {
    }

    public CurrentConsent(String subjectId, String purposeCode) {
        this.subjectId = subjectId;
        this.purposeCode = purposeCode;
    }

    /** Moves to a new state; returns false when the state is already that (a repeat changes nothing). */
    public boolean moveTo(ConsentState newState, UUID byDecision, Instant at) {
        if (newState == state) {
            return false;
        }
        this.state = newState;
        this.decisionId = byDecision;
        this.since = at;
        return true;
    }

    public String subjectId() {
        return subjectId;
    }

    public String purposeCode() {
        return purposeCode;
    }

    public ConsentState state() {
        return state;
    }

    public UUID decisionId() {
        return decisionId;
    }

    public Instant since() {
        return since;
    }

    /** Composite key: subject and purpose. */
    public record Key(String subjectId, String purposeCode) implements Serializable {
        public Key {
        }

        public Key() {
            this(null, null);
        }
    }
}
