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
 * which policy version and wording, where and how, the order a soft opt-in came from, the data-subject request it
 * carried out, and the details that identify the person (truncated IP, user agent) encrypted with the subject's
 * key. Never changed after it is written.
 */
@Entity
@Table(name = "consent_decision")
public class ConsentDecision {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

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

    @Column(name = "wording_hash", nullable = false, updatable = false)
    private String wordingHash;

    @Column(name = "soft_opt_in_order_id", updatable = false)
    private String softOptInOrderId;

    @Column(name = "proof_ciphertext", updatable = false)
    private byte[] proofCiphertext;

    @Column(name = "subject_request_id", updatable = false)
    private String subjectRequestId;

    @ElementCollection
    @CollectionTable(name = "consent_choice", joinColumns = @JoinColumn(name = "decision_id"))
    private List<ConsentChoice> choices = new ArrayList<>();

    protected ConsentDecision() {
    }

    public ConsentDecision(String subjectId, PolicyVersion shown, ConsentSource source, ConsentMethod method,
                           Instant clientDecidedAt, Instant recordedAt, List<ConsentChoice> choices,
                           String softOptInOrderId, byte[] proofCiphertext) {
        this(subjectId, shown, source, method, clientDecidedAt, recordedAt, choices, softOptInOrderId,
                proofCiphertext, null);
    }

    /**
     * @param subjectRequestId dsr-service's id of the data-subject request this decision carried out, or null
     */
    public ConsentDecision(String subjectId, PolicyVersion shown, ConsentSource source, ConsentMethod method,
                           Instant clientDecidedAt, Instant recordedAt, List<ConsentChoice> choices,
                           String softOptInOrderId, byte[] proofCiphertext, String subjectRequestId) {
        this.subjectRequestId = subjectRequestId;
        this.id = UUID.randomUUID();
        this.subjectId = subjectId;
        this.policyVersion = shown.version();
        this.wordingHash = shown.wordingHash();
        this.source = source;
        this.method = method;
        this.clientDecidedAt = clientDecidedAt;
        this.recordedAt = recordedAt;
        this.choices = new ArrayList<>(choices);
        this.softOptInOrderId = softOptInOrderId;
        this.proofCiphertext = proofCiphertext;
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

    public String wordingHash() {
        return wordingHash;
    }

    public String softOptInOrderId() {
        return softOptInOrderId;
    }

    /** The encrypted proof details, or null when the caller sent none. */
    public byte[] proofCiphertext() {
        return proofCiphertext;
    }

    /** The data-subject request this decision carried out (source DATA_SUBJECT_REQUEST), or null. */
    public String subjectRequestId() {
        return subjectRequestId;
    }

    public List<ConsentChoice> choices() {
        return List.copyOf(choices);
    }
}
