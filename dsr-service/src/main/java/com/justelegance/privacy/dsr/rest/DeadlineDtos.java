package com.justelegance.privacy.dsr.rest;

import java.time.LocalDate;

/** The response body of the deadline API. */
public final class DeadlineDtos {

    private DeadlineDtos() {
    }

    /** A request's receipt date, its due date, and the bank holiday calendar used. */
    public record DeadlineView(LocalDate receivedOn, LocalDate dueOn, String bankHolidays) {
    }
}
