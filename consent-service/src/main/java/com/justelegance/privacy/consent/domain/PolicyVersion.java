package com.justelegance.privacy.consent.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A registered version of the privacy policy / notice: what a person was shown when they decided. Never changed
 * once registered, so a decision's reference to it stays proof.
 */
@Entity
@Table(name = "policy_version")
public class PolicyVersion {

    @Id
    @Column(name = "version")
    private String version;

    @Column(name = "effective_from", nullable = false, updatable = false)
    private LocalDate effectiveFrom;

    @Column(name = "wording_hash", nullable = false, updatable = false)
    private String wordingHash;

    @Column(name = "significant", nullable = false, updatable = false)
    private boolean significant;

    @Column(name = "url", nullable = false, updatable = false)
    private String url;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    protected PolicyVersion() {
    }

    public PolicyVersion(String version, LocalDate effectiveFrom, String wordingHash, boolean significant, String url,
                         Instant registeredAt) {
        this.version = version;
        this.effectiveFrom = effectiveFrom;
        this.wordingHash = wordingHash;
        this.significant = significant;
        this.url = url;
        this.registeredAt = registeredAt;
    }

    public String version() {
        return version;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public String wordingHash() {
        return wordingHash;
    }

    public boolean significant() {
        return significant;
    }

    public String url() {
        return url;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
