package com.justelegance.privacy.dsr.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A case's access package as stored: the document and what was withheld from it, both encrypted under the case's
 * key; whether it is complete and each source's outcome (codes); and its download link, by the keyed hash of its
 * token, with its expiry and download count. A complete package prepared for review has no link until it is released;
 * until then its expiry is the end of the time it is kept for review. Purging deletes the document and keeps the rest
 * as the case's record.
 */
@Entity
@Table(name = "access_package")
public class AccessPackageRecord {

    @Id
    @Column(name = "case_id")
    private UUID caseId;

    @Column(name = "package_id", nullable = false)
    private UUID packageId;

    @Column(name = "prepared_at", nullable = false)
    private Instant preparedAt;

    @Column(name = "prepared_by", nullable = false)
    private String preparedBy;

    @Column(name = "complete", nullable = false)
    private boolean complete;

    @Column(name = "source_outcomes", nullable = false)
    private String sourceOutcomes;

    @Column(name = "document")
    private byte[] document;

    @Column(name = "withheld")
    private byte[] withheld;

    @Column(name = "withheld_count", nullable = false)
    private int withheldCount;

    @Column(name = "link_hash")
    private String linkHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "max_downloads", nullable = false)
    private int maxDownloads;

    @Column(name = "downloads", nullable = false)
    private int downloads;

    @Column(name = "last_downloaded_at")
    private Instant lastDownloadedAt;

    @Column(name = "purged_at")
    private Instant purgedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AccessPackageRecord() {
    }

    public AccessPackageRecord(UUID caseId) {
        this.caseId = caseId;
    }

    /** Puts a freshly prepared package in place of whatever the case had; any earlier link stops working. */
    public void prepared(UUID packageId, Instant preparedAt, String preparedBy, boolean complete,
                         String sourceOutcomes, byte[] document, byte[] withheld, int withheldCount, String linkHash,
                         Instant expiresAt, int maxDownloads) {
        this.packageId = packageId;
        this.preparedAt = preparedAt;
        this.preparedBy = preparedBy;
        this.complete = complete;
        this.sourceOutcomes = sourceOutcomes;
        this.document = document;
        this.withheld = withheld;
        this.withheldCount = withheldCount;
        this.linkHash = linkHash;
        this.expiresAt = expiresAt;
        this.maxDownloads = maxDownloads;
        this.downloads = 0;
        this.lastDownloadedAt = null;
        this.purgedAt = null;
    }

    /** Issues the link of a package kept for review: it works from now until {@code expiresAt}. */
    public void released(String linkHash, Instant expiresAt) {
        this.linkHash = linkHash;
        this.expiresAt = expiresAt;
    }

    /**
     * Whether the package waits for the officer to release it: complete, kept, no link issued yet, and its time
     * to be reviewed ({@code expiresAt}, after which it is purged unreleased) not over.
     */
    public boolean awaitingRelease(Instant now) {
        return complete && linkHash == null && document != null && purgedAt == null && now.isBefore(expiresAt);
    }

    public void downloaded(Instant at) {
        downloads++;
        lastDownloadedAt = at;
    }

    /** Whether the link no longer works: expired, used up, or the document deleted. */
    public boolean expired(Instant now) {
        return purgedAt != null || document == null || !now.isBefore(expiresAt);
    }

    public boolean usedUp() {
        return downloads >= maxDownloads;
    }

    public UUID caseId() {
        return caseId;
    }

    public UUID packageId() {
        return packageId;
    }

    public Instant preparedAt() {
        return preparedAt;
    }

    public String preparedBy() {
        return preparedBy;
    }

    public boolean complete() {
        return complete;
    }

    public String sourceOutcomes() {
        return sourceOutcomes;
    }

    public byte[] document() {
        return document;
    }

    public byte[] withheld() {
        return withheld;
    }

    public int withheldCount() {
        return withheldCount;
    }

    public boolean linkIssued() {
        return linkHash != null;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int maxDownloads() {
        return maxDownloads;
    }

    public int downloads() {
        return downloads;
    }

    public Instant lastDownloadedAt() {
        return lastDownloadedAt;
    }

    public Instant purgedAt() {
        return purgedAt;
    }
}
