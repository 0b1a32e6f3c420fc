package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.domain.Nation;

import java.time.LocalDate;

/** The response body of the deadline API. */
public final class DeadlineDtos {

    private DeadlineDtos() {
    }

    /**
     * A request's receipt date, its due date, and the bank holidays used.
     *
     * @param bankHolidays          the nation whose bank holidays were used
     * @param bankHolidaysFromRules the due date's year is past the published bank holidays, so they were computed
     *                              from the statutory rules; a one-off holiday proclaimed later could move it
     */
    public record DeadlineView(LocalDate receivedOn, LocalDate dueOn, Nation bankHolidays,
                               boolean bankHolidaysFromRules) {
    }
}
