package com.justelegance.privacy.dsr.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;

/** One event of a case's response clock; the reason is an extension's, and never personal data. */
@Embeddable
public class ClockEvent {

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private ClockEventKind kind;

    @Column(name = "on_date", nullable = false)
    private LocalDate on;

    @Column(name = "reason")
    private String reason;

    protected ClockEvent() {
    }

    public ClockEvent(ClockEventKind kind, LocalDate on, String reason) {
        this.kind = kind;
        this.on = on;
        this.reason = reason;
    }

    public ClockEventKind kind() {
        return kind;
    }

    public LocalDate on() {
        return on;
    }

    public String reason() {
        return reason;
    }

    /** This event played on a clock; throws the clock's problem when the event is refused. */
    public ResponseClock applyTo(ResponseClock clock) {
        return switch (kind) {
            case IDENTITY_RECEIVED -> clock.identityReceived(on);
            case CLARIFICATION_REQUESTED -> clock.clarificationRequested(on);
            case CLARIFICATION_RECEIVED -> clock.clarificationReceived(on);
            case EXTENDED -> clock.extended(on, reason);
        };
    }
}
