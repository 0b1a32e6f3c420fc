package com.justelegance.privacy.consent.domain;

import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.LawfulBasis;
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

    @Enumerated(EnumType.STRING)
    @Column(name = "basis", nullable = false)
    private LawfulBasis basis;

    @Column(name = "decision_id", nullable = false)
    private UUID decisionId;

    @Column(name = "since", nullable = false)
    private Instant since;

    @Column(name = "gpc_applied_at")
    private Instant gpcAppliedAt;

    protected CurrentConsent() {
    }

    public CurrentConsent(String subjectId, String purposeCode) {
        this.subjectId = subjectId;
        this.purposeCode = purposeCode;
    }

    /**
     * Moves to a new state on a basis; returns false when both are already that (a repeat changes nothing).
     */
    public boolean moveTo(ConsentState newState, LawfulBasis newBasis, UUID byDecision, Instant at) {
        if (newState == state && newBasis == basis) {
            return false;
        }
        this.state = newState;
        this.basis = newBasis;
        this.decisionId = byDecision;
        this.since = at;
        return true;
    }

    /** Whether the subject has never decided on this purpose (nothing recorded yet). */
    public boolean undecided() {
        return state == null;
    }

    /**
     * Global Privacy Control acts on a purpose once. After that, every choice is the person's explicit one and a
     * repeated signal (browsers send it with every request) must not override it.
     */
    public boolean gpcMayAct() {
        return gpcAppliedAt == null;
    }

    /** The state a GPC signal asks for: a grant is withdrawn, nothing becomes denied; a refusal stays as it is. */
    public ConsentState gpcOptOutState() {
        if (state == null) {
            return ConsentState.DENIED;
        }
        return state == ConsentState.GRANTED ? ConsentState.WITHDRAWN : null;
    }

    public void markGpcApplied(Instant at) {
        this.gpcAppliedAt = at;
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

    public LawfulBasis basis() {
        return basis;
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
