package com.justelegance.privacy.disclosure.domain;

import com.justelegance.privacy.events.codes.DataCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A notice to one recipient that an erasure, rectification or restriction happened (Art. 19), or that the consent
 * an audience upload rested on was taken away ({@link NoticeKind}). It names the subject only as a keyed hash; the
 * references the recipient knows the data by (order ids, upload ids, its own case reference) are kept until the
 * notice is closed, then cleared. Versioned: of two outcomes recorded at once only the first is written.
 */
@Entity
@Table(name = "recipient_notice")
public class RecipientNotice {

    @Id
    @Column(name = "id")
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private NoticeKind kind;

    @Column(name = "request_id", nullable = false, updatable = false)
    private String requestId;

    @Column(name = "subject_ref", nullable = false, updatable = false)
    private String subjectRef;

    @Column(name = "recipient_code", nullable = false, updatable = false)
    private String recipientCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "data_categories", nullable = false, updatable = false)
    private String[] dataCategories;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "recipient_references", nullable = false)
    private String[] recipientReferences;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private NoticeStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "due_at", nullable = false, updatable = false)
    private Instant dueAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "outcome_note")
    private String outcomeNote;

    @Column(name = "withheld_from_subject", nullable = false, updatable = false)
    private boolean withheldFromSubject;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected RecipientNotice() {
    }

    /**
     * A new notice: posted by the service for an API recipient, otherwise a task for a person.
     *
     * @param withheldFromSubject every disclosure to the recipient was withheld from the subject, so the notice is
     */
    public RecipientNotice(NoticeKind kind, String requestId, String subjectRef, Recipient recipient,
                           Collection<DataCategory> dataCategories, Collection<String> references,
                           boolean withheldFromSubject, Instant now) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.requestId = requestId;
        this.subjectRef = subjectRef;
        this.recipientCode = recipient.code();
        this.dataCategories = Disclosure.codes(dataCategories);
        this.recipientReferences = references.stream().sorted().distinct().toArray(String[]::new);
        this.withheldFromSubject = withheldFromSubject;
        this.createdAt = now;
        this.dueAt = now.plus(Duration.ofDays(recipient.noticeResponseDays()));
        if (recipient.noticeChannel().deliveredByService()) {
            this.status = NoticeStatus.DELIVERING;
            this.nextAttemptAt = now;
        } else {
            this.status = NoticeStatus.TASK_OPEN;
        }
    }

    /** The recipient's API accepted the notice: that is its acknowledgement. */
    public void acknowledgedByRecipientApi(Instant now) {
        attempts++;
        sentAt = now;
        close(NoticeStatus.ACKNOWLEDGED, now);
    }

    /** An attempt failed; try again at {@code retryAt}, or hand the notice to a person when that is null. */
    public void deliveryFailed(String error, Instant retryAt) {
        attempts++;
        lastError = error.length() > 500 ? error.substring(0, 500) : error;
        if (retryAt == null) {
            status = NoticeStatus.TASK_OPEN;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = retryAt;
        }
    }

    /** The recipient no longer takes notices through an API: a person must send this one. */
    public void handToPerson(String reason) {
        status = NoticeStatus.TASK_OPEN;
        nextAttemptAt = null;
        lastError = reason;
    }

    /** What a person recorded: sent, acknowledged, or why telling the recipient is impossible or disproportionate. */
    public void recordOutcome(NoticeStatus outcome, String note, Instant now) {
        if (!status.allowsOutcome(outcome)) {
            throw new IllegalStateException("A " + status + " notice cannot become " + outcome);
        }
        if (outcome.needsExplanation() && (note == null || note.isBlank())) {
            throw new IllegalArgumentException(outcome + " needs an explanation");
        }
        outcomeNote = note;
        if (outcome == NoticeStatus.SENT) {
            status = NoticeStatus.SENT;
            sentAt = now;
            nextAttemptAt = null;
        } else {
            close(outcome, now);
        }
    }

    private void close(NoticeStatus outcome, Instant now) {
        status = outcome;
        closedAt = now;
        nextAttemptAt = null;
        // Nothing more will be sent: the recipient's references to the subject's data are no longer needed.
        recipientReferences = new String[0];
    }

    public boolean overdue(Instant now) {
        return !status.closed() && dueAt.isBefore(now);
    }

    public UUID id() {
        return id;
    }

    public NoticeKind kind() {
        return kind;
    }

    public String requestId() {
        return requestId;
    }

    public String recipientCode() {
        return recipientCode;
    }

    public List<DataCategory> dataCategories() {
        return Arrays.stream(dataCategories).map(DataCategory::valueOf).toList();
    }

    public List<String> recipientReferences() {
        return List.of(recipientReferences);
    }

    public NoticeStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String outcomeNote() {
        return outcomeNote;
    }

    public boolean withheldFromSubject() {
        return withheldFromSubject;
    }
}
