package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.domain.Nation;
import com.justelegance.privacy.dsr.domain.ResponseClock;

import java.time.LocalDate;

/** The response body of the deadline API. */
public final class DeadlineDtos {

    private DeadlineDtos() {
    }

    /**
     * When a request must be answered, given its events.
     *
     * @param startedOn             the day the month started: receipt, or the arrival of requested proof of identity
     * @param dueOn                 the due date; null while clarification is awaited, as it depends on the answer
     * @param paused                clarification is awaited, so the clock is stopped
     * @param daysLeft              days from today to the due date (negative once overdue); while paused, the days
     *                              left when the clock stopped, which the answer date will get
     * @param bankHolidays          the nation whose bank holidays were used
     * @param bankHolidaysFromRules the due date's year is past the published bank holidays, so they were computed
     *                              from the statutory rules; a one-off holiday proclaimed later could move it
     */
    public record DeadlineView(LocalDate receivedOn, LocalDate startedOn, LocalDate dueOn, boolean paused,
                               boolean extended, long daysLeft, boolean overdue, Nation bankHolidays,
                               boolean bankHolidaysFromRules) {

        static DeadlineView of(ResponseClock clock, LocalDate today) {
            LocalDate dueOn = clock.dueOn().orElse(null);
            return new DeadlineView(clock.receivedOn(), clock.startedOn(), dueOn, clock.paused(), clock.extended(),
                    clock.daysLeft(today), clock.overdue(today), clock.nation(),
                    dueOn != null && !clock.calendar().isPublished(dueOn));
        }
    }
}
