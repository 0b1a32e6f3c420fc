package com.justelegance.privacy.consent.domain;

import com.justelegance.privacy.events.codes.ConsentMethod;
import com.justelegance.privacy.events.codes.ConsentSource;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One submission of choices by a person, with the proof of how it was made: when (their clock and ours), under
 * which policy version, where and how. Never changed after it is written.
 */
@Entity
@Table(name = "consent_decision")
public class ConsentDecision {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;

    @Column(name = "policy_version", nullable = false, updatable = false)
    private String policyVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, updatable = false)
    private ConsentSource source;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, updatable = false)
    private ConsentMethod method;

    @Column(name = "client_decided_at", updatable = false)
    private Instant clientDecidedAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @ElementCollection
    @CollectionTable(name = "consent_choice", joinColumns = @JoinColumn(name = "decision_id"))
    private List<ConsentChoice> choices = new ArrayList<>();

    protected ConsentDecision() {
    }

    public ConsentDecision(String subjectId, String policyVersion, ConsentSource source, ConsentMethod method,
                           Instant clientDecidedAt, Instant recordedAt, List<ConsentChoice> choices) {
        this.id = UUID.randomUUID();
        this.subjectId = subjectId;
        this.policyVersion = policyVersion;
        this.source = source;
        this.method = method;
        this.clientDecidedAt = clientDecidedAt;
        this.recordedAt = recordedAt;
        this.choices = new ArrayList<>(choices);
    }

    public UUID id() {
        return id;
    }

    public String subjectId() {
        return subjectId;
    }

    public String policyVersion() {
        return policyVersion;
    }

    public ConsentSource source() {
        return source;
    }

    public ConsentMethod method() {
        return method;
    }

    public Instant clientDecidedAt() {
        return clientDecidedAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public List<ConsentChoice> choices() {
        return List.copyOf(choices);
    }
}
