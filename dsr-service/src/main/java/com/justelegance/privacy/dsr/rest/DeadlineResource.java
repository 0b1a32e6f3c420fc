package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.domain.BankHolidayCalendar;
import com.justelegance.privacy.dsr.domain.ResponseDeadline;
import com.justelegance.privacy.dsr.rest.DeadlineDtos.DeadlineView;
import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

/** When a data-subject request received on a given day must be answered. */
@Path("/api/v1/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines")
public class DeadlineResource {

    private final BankHolidayCalendar calendar;

    public DeadlineResource(BankHolidayCalendar calendar) {
        this.calendar = calendar;
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The one-month response deadline for a request received on a date (UK GDPR, ICO rules)")
    @APIResponse(responseCode = "200", description = "The due date and the bank holiday calendar used")
    @APIResponse(responseCode = "409", description = "bank-holidays-not-covered: the deadline falls beyond the "
            + "bank holidays the service knows, so it cannot be computed reliably")
    public DeadlineView responseDeadline(@QueryParam("receivedOn") @NotNull LocalDate receivedOn) {
        try {
            return new DeadlineView(receivedOn, ResponseDeadline.dueDate(receivedOn, calendar), calendar.nation());
        } catch (BankHolidayCalendar.DateOutsideCalendarException e) {
            throw new ProblemException(DsrProblem.BANK_HOLIDAYS_NOT_COVERED, e.getMessage());
        }
    }
}
