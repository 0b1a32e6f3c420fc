package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.domain.BankHolidayCalendar;
import com.justelegance.privacy.dsr.domain.Nation;
import com.justelegance.privacy.dsr.domain.ResponseDeadline;
import com.justelegance.privacy.dsr.rest.DeadlineDtos.DeadlineView;
import com.justelegance.privacy.dsr.service.BankHolidayCalendars;
import com.justelegance.privacy.kit.problem.FieldProblemException;
import com.justelegance.privacy.kit.problem.KitProblem;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.Arrays;

/** When a data-subject request received on a given day must be answered. */
@Path("/api/v1/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines")
public class DeadlineResource {

    private final BankHolidayCalendars calendars;

    public DeadlineResource(BankHolidayCalendars calendars) {
        this.calendars = calendars;
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The one-month response deadline for a request received on a date (UK GDPR, ICO rules)")
    @APIResponse(responseCode = "200", description = "The due date and the bank holidays used")
    @APIResponse(responseCode = "409", description = "bank-holidays-not-covered: the deadline falls before the "
            + "first year of the published bank holidays, which the service does not guess")
    public DeadlineView responseDeadline(
            @QueryParam("receivedOn") @NotNull LocalDate receivedOn,
            @Parameter(description = "Whose bank holidays count; the service's default nation if left out",
                    schema = @Schema(implementation = Nation.class))
            @QueryParam("nation") String nation) {
        BankHolidayCalendar calendar = calendars.of(nation(nation));
        LocalDate dueOn = ResponseDeadline.dueDate(receivedOn, calendar);
        return new DeadlineView(receivedOn, dueOn, calendar.nation(), !calendar.isPublished(dueOn));
    }

    /** The nation asked for, or the default; an unknown one is refused naming the parameter. */
    private Nation nation(String value) {
        if (value == null) {
            return calendars.defaultNation();
        }
        try {
            return Nation.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new FieldProblemException(KitProblem.INVALID_PARAMETER, "nation",
                    "nation is not a UK nation with its own bank holidays; use one of "
                            + Arrays.toString(Nation.values()));
        }
    }
}
