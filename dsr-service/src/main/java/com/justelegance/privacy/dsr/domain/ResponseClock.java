package com.justelegance.privacy.dsr.domain;

import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import static java.time.temporal.ChronoUnit.DAYS;

/**
 * The time left to answer one data-subject request (UK GDPR Art. 12(3), the Data (Use and Access) Act 2025, ICO
 * guidance), as an immutable value: each event returns a new clock, and an event the rules do not allow throws
 * {@link EventRefusedException} with the problem type the REST layer answers.
 * <ul>
 *     <li>The clock starts on the day the request is received, for one month ({@link ResponseDeadline}).</li>
 *     <li>Where proof of identity was asked for, the month starts afresh on the day it arrives.</li>
 *     <li>A request for clarification stops the clock until the answer arrives; it then runs on with the days that
 *     were left: due date = answer date + days left, moved to a working day.</li>
 *     <li>One extension, with a reason, decided by the due date (the requester must be told within the first
 *     month): the period becomes three months from the start, paused time still not counted.</li>
 * </ul>
 * Events come in date order: one dated before an earlier event is refused.
 */
public final class ResponseClock {

    private final LocalDate receivedOn;
    private final BankHolidayCalendar calendar;
    private final LocalDate startedOn;
    /**
     * The calendar end of the period with paused time added, before moving it to a working day. Days left are counted
     * to this date, not to the working day after it: otherwise each pause would carry that weekend forward again.
     */
    private final LocalDate periodEnd;
    /** The day clarification was asked for, while the answer is awaited; null while the clock runs. */
    private final LocalDate pausedSince;
    private final Extension extension;
    private final LocalDate lastEventOn;

    private ResponseClock(LocalDate receivedOn, BankHolidayCalendar calendar, LocalDate startedOn,
                          LocalDate periodEnd, LocalDate pausedSince, Extension extension, LocalDate lastEventOn) {
        this.receivedOn = receivedOn;
        this.calendar = calendar;
        this.startedOn = startedOn;
        this.periodEnd = periodEnd;
        this.pausedSince = pausedSince;
        this.extension = extension;
        this.lastEventOn = lastEventOn;
    }

    /** The clock of a request received on the day (working day or not), counted with the nation's bank holidays. */
    public static ResponseClock received(LocalDate receivedOn, BankHolidayCalendar calendar) {
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(calendar, "calendar");
        return new ResponseClock(receivedOn, calendar, receivedOn, ResponseDeadline.oneMonthFrom(receivedOn), null,
                null, receivedOn);
    }

    /** The requested proof of identity arrived: the month starts afresh that day. */
    public ResponseClock identityReceived(LocalDate on) {
        DsrProblem problem = DsrProblem.IDENTITY_RESTART_NOT_ALLOWED;
        requireInOrder(on, problem, "Proof of identity");
        if (extension != null) {
            // The extension was counted from the earlier start; restarting would leave it counting from nothing.
            throw new EventRefusedException(problem, "The time was already extended from the earlier start; "
                    + "proof of identity must arrive before an extension is decided");
        }
        // A clarification still awaited keeps the clock stopped: the new month waits for it from the new start.
        LocalDate stillPausedSince = pausedSince == null ? null : on;
        return new ResponseClock(receivedOn, calendar, on, ResponseDeadline.oneMonthFrom(on), stillPausedSince, null,
                on);
    }

    /** Clarification of the request was asked for: the clock stops that day. */
    public ResponseClock clarificationRequested(LocalDate on) {
        DsrProblem problem = DsrProblem.CLARIFICATION_NOT_ALLOWED;
        requireInOrder(on, problem, "The request for clarification");
        if (paused()) {
            throw new EventRefusedException(problem, "A clarification is already awaited");
        }
        if (on.isAfter(dueDate())) {
            throw new EventRefusedException(problem, "The due date has passed; the clock can only be stopped while "
                    + "it runs");
        }
        return new ResponseClock(receivedOn, calendar, startedOn, periodEnd, on, extension, on);
    }

    /** The clarification arrived: the clock runs on from that day with the days that were left. */
    public ResponseClock clarificationReceived(LocalDate on) {
        DsrProblem problem = DsrProblem.CLARIFICATION_NOT_ALLOWED;
        if (!paused()) {
            throw new EventRefusedException(problem, "No clarification is awaited");
        }
        requireInOrder(on, problem, "The clarification");
        return new ResponseClock(receivedOn, calendar, startedOn, on.plusDays(daysLeftWhenPaused()), null, extension,
                on);
    }

    /**
     * The time is extended by two further months, decided (and the requester told why) on the day: the period
     * becomes three months from the start, with the time paused so far still not counted. There is one extension,
     * always to the full three months, so the clock never goes beyond them; answering earlier is always allowed.
     */
    public ResponseClock extended(LocalDate decidedOn, String reason) {
        DsrProblem problem = DsrProblem.EXTENSION_NOT_ALLOWED;
        if (reason == null || reason.isBlank()) {
            throw new EventRefusedException(problem, "An extension needs a reason, which the requester must be told");
        }
        if (extension != null) {
            throw new EventRefusedException(problem, "The time was already extended once; the law allows one "
                    + "extension of up to two further months, three months from the start");
        }
        requireInOrder(decidedOn, problem, "The extension");
        // While clarification is awaited the first month is not running out (paused time does not count towards it).
        if (!paused() && decidedOn.isAfter(dueDate())) {
            throw new EventRefusedException(problem, "The due date has passed; the requester must be told of an "
                    + "extension within the first month");
        }
        long twoMonths = DAYS.between(ResponseDeadline.oneMonthFrom(startedOn),
                ResponseDeadline.threeMonthsFrom(startedOn));
        return new ResponseClock(receivedOn, calendar, startedOn, periodEnd.plusDays(twoMonths), pausedSince,
                new Extension(decidedOn, reason.strip()), decidedOn);
    }

    /** The day the response is due; empty while clarification is awaited, since it depends on when it arrives. */
    public Optional<LocalDate> dueOn() {
        return paused() ? Optional.empty() : Optional.of(dueDate());
    }

    /**
     * Days from today to the due date: 0 on the due date, negative once overdue. While clarification is awaited, the
     * days that were left when the clock stopped, counted to the period's calendar end (those the answer date gets).
     */
    public long daysLeft(LocalDate today) {
        return paused() ? daysLeftWhenPaused() : DAYS.between(today, dueDate());
    }

    /** Whether the due date has passed without a response; never while the clock is stopped. */
    public boolean overdue(LocalDate today) {
        return !paused() && today.isAfter(dueDate());
    }

    /** Whether the clock is stopped, awaiting clarification. */
    public boolean paused() {
        return pausedSince != null;
    }

    /** Whether the time was extended. */
    public boolean extended() {
        return extension != null;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    /** The day the month started: the day of receipt, or the day requested proof of identity arrived. */
    public LocalDate startedOn() {
        return startedOn;
    }

    public Optional<LocalDate> pausedSince() {
        return Optional.ofNullable(pausedSince);
    }

    public Optional<Extension> extension() {
        return Optional.ofNullable(extension);
    }

    public Nation nation() {
        return calendar.nation();
    }

    public BankHolidayCalendar calendar() {
        return calendar;
    }

    private LocalDate dueDate() {
        return calendar.nextWorkingDayFrom(periodEnd);
    }

    /**
     * The days from the day the clock stopped to the period's calendar end; none if it stopped in the weekend or
     * holiday after that end. The day it stopped counts as used, which gives a day less than counting it as paused
     * too: the earlier due date, on purpose.
     */
    private long daysLeftWhenPaused() {
        return Math.max(0, DAYS.between(pausedSince, periodEnd));
    }

    private void requireInOrder(LocalDate on, DsrProblem problem, String event) {
        Objects.requireNonNull(on, "date");
        if (on.isBefore(lastEventOn)) {
            throw new EventRefusedException(problem, event + " is dated before an earlier event on the clock");
        }
    }

    /** An extension: the day it was decided and the requester told, and why. */
    public record Extension(LocalDate decidedOn, String reason) {
    }

    /** An event the rules do not allow in the clock's state; carries the problem type the REST layer answers. */
    public static class EventRefusedException extends ProblemException {

        public EventRefusedException(DsrProblem type, String detail) {
            super(type, detail);
        }
    }
}
