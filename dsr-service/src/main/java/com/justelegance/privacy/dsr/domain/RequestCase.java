package com.justelegance.privacy.dsr.domain;

import com.justelegance.privacy.events.codes.SubjectRequestType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One data-subject request: what was asked (type; null until classified), how and when it arrived, where it stands,
 * whom it concerns once resolved, and the events that move its response clock. The requester's own words and
 * identifiers are only held encrypted ({@code requester}). Status changes go through {@code Cases}, which locks the
 * row first, so parallel calls see each other's outcome.
 */
@Entity
@Table(name = "request_case")
public class RequestCase {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "reference", nullable = false, updatable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(name = "request_type")
    private SubjectRequestType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false)
    private IntakeChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "nation", nullable = false, updatable = false)
    private Nation nation;

    @Column(name = "received_on", nullable = false, updatable = false)
    private LocalDate receivedOn;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private CaseStatus status;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Column(name = "subject_id")
    private String subjectId;

    @Column(name = "requester", nullable = false)
    private byte[] requester;

    @Column(name = "assignee")
    private String assignee;

    @Column(name = "mail_ref", updatable = false)
    private String mailRef;

    @Column(name = "opened_event", nullable = false)
    private boolean openedEventPublished;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closing_reason")
    private String closingReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_clock_event", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "seq")
    private List<ClockEvent> clockEvents = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected RequestCase() {
    }

    public RequestCase(UUID id, String reference, SubjectRequestType type, IntakeChannel channel, Nation nation,
                       LocalDate receivedOn, Instant recordedAt, String recordedBy, String mailRef) {
        this.id = id;
        this.reference = reference;
        this.type = type;
        this.channel = channel;
        this.nation = nation;
        this.receivedOn = receivedOn;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.mailRef = mailRef;
        this.status = CaseStatus.RECEIVED;
    }

    /** The owner of the case's encryption key in the kit's key table: one key per case. */
    public static String keyOwner(UUID caseId) {
        return "case:" + caseId;
    }

    public String keyOwner() {
        return keyOwner(id);
    }

    /** The response clock: receipt, then every stored event in order. */
    public ResponseClock clock(BankHolidayCalendar calendar) {
        ResponseClock clock = ResponseClock.received(receivedOn, calendar);
        for (ClockEvent event : clockEvents) {
            clock = event.applyTo(clock);
        }
        return clock;
    }

    /** The response clock as it was before its latest event: while paused, what it was running to. */
    public ResponseClock clockBeforeLatestEvent(BankHolidayCalendar calendar) {
        ResponseClock clock = ResponseClock.received(receivedOn, calendar);
        for (ClockEvent event : clockEvents.subList(0, Math.max(0, clockEvents.size() - 1))) {
            clock = event.applyTo(clock);
        }
        return clock;
    }

    /** Adds an event to the clock; the caller has checked that the clock accepts it. */
    public void addClockEvent(ClockEvent event) {
        clockEvents.add(event);
    }

    public void moveTo(CaseStatus next, Instant at) {
        status = next;
        if (!next.open()) {
            closedAt = at;
        }
    }

    public void close(CaseStatus outcome, String reasonCode, Instant at) {
        moveTo(outcome, at);
        closingReason = reasonCode;
    }

    public void classify(SubjectRequestType type) {
        this.type = type;
    }

    public void resolveSubject(String subjectId) {
        this.subjectId = subjectId;
    }

    public void assignTo(String assignee) {
        this.assignee = assignee;
    }

    public void dueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }

    public void sealRequester(byte[] ciphertext) {
        this.requester = ciphertext;
    }

    public void markOpenedEventPublished() {
        this.openedEventPublished = true;
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public SubjectRequestType type() {
        return type;
    }

    public IntakeChannel channel() {
        return channel;
    }

    public Nation nation() {
        return nation;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public CaseStatus status() {
        return status;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public String subjectId() {
        return subjectId;
    }

    public byte[] requester() {
        return requester;
    }

    public String assignee() {
        return assignee;
    }

    public boolean openedEventPublished() {
        return openedEventPublished;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closingReason() {
        return closingReason;
    }

    public List<ClockEvent> clockEvents() {
        return List.copyOf(clockEvents);
    }
}
