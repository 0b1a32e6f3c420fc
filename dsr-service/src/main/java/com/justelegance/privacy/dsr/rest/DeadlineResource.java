package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.domain.Nation;
import com.justelegance.privacy.dsr.domain.ResponseClock;
import com.justelegance.privacy.dsr.rest.DeadlineDtos.DeadlineView;
import com.justelegance.privacy.dsr.service.BankHolidayCalendars;
import com.justelegance.privacy.kit.problem.FieldProblemException;
import com.justelegance.privacy.kit.problem.KitProblem;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * When a data-subject request must be answered: from the day it was received, and, if given, the events that move
 * the deadline (proof of identity arriving, clarification asked for and answered, an extension). No case is stored
 * yet; the same {@link ResponseClock} will run each case.
 */
@Path("/api/v1/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines")
public class DeadlineResource {

    /** Requests are received, and deadlines fall, on UK days; the services' clock is UTC. */
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final BankHolidayCalendars calendars;
    private final Clock clock;

    public DeadlineResource(BankHolidayCalendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The response deadline of a request received on a date (UK GDPR, DUAA 2025, ICO rules): "
            + "one month, restarted by proof of identity, stopped while clarification is awaited, extended once to "
            + "three months")
    @APIResponse(responseCode = "200", description = "The due date, the days left today, and the bank holidays used")
    @APIResponse(responseCode = "409", description = "bank-holidays-not-covered: the deadline falls before the "
            + "first year of the published bank holidays, which the service does not guess; "
            + "identity-restart-not-allowed: proof of identity after an extension; "
            + "clarification-not-allowed: clarification asked for while one is awaited or after the due date, or "
            + "an answer when none is awaited; "
            + "extension-not-allowed: no extensionReason, or decided after the due date (the requester must be "
            + "told within the first month)")
    public DeadlineView responseDeadline(
            @QueryParam("receivedOn") @NotNull LocalDate receivedOn,
            @Parameter(description = "Whose bank holidays count; the service's default nation if left out",
                    schema = @Schema(implementation = Nation.class))
            @QueryParam("nation") String nation,
            @Parameter(description = "The day requested proof of identity arrived: the month starts afresh")
            @QueryParam("identityReceivedOn") LocalDate identityReceivedOn,
            @Parameter(description = "Each day clarification was asked for (repeatable; the n-th pairs with the "
                    + "n-th clarificationReceivedOn, and one left unanswered keeps the clock stopped)")
            @QueryParam("clarificationRequestedOn") List<LocalDate> clarificationRequestedOn,
            @Parameter(description = "Each day a clarification arrived (repeatable)")
            @QueryParam("clarificationReceivedOn") List<LocalDate> clarificationReceivedOn,
            @Parameter(description = "The day the time was extended and the requester told why")
            @QueryParam("extendedOn") LocalDate extendedOn,
            @Parameter(description = "Why the time was extended (complexity or number of requests); required with "
                    + "extendedOn; never personal data")
            @QueryParam("extensionReason") @Size(max = 500) String extensionReason) {
        ResponseClock responseClock = ResponseClock.received(receivedOn, calendars.of(nation(nation)));
        List<Event> events = new ArrayList<>();
        if (identityReceivedOn != null) {
            events.add(new Event(identityReceivedOn, c -> c.identityReceived(identityReceivedOn)));
        }
        for (int i = 0; i < Math.max(clarificationRequestedOn.size(), clarificationReceivedOn.size()); i++) {
            if (i < clarificationRequestedOn.size()) {
                LocalDate requested = clarificationRequestedOn.get(i);
                events.add(new Event(requested, c -> c.clarificationRequested(requested)));
            }
            if (i < clarificationReceivedOn.size()) {
                LocalDate received = clarificationReceivedOn.get(i);
                events.add(new Event(received, c -> c.clarificationReceived(received)));
            }
        }
        if (extendedOn != null) {
            events.add(new Event(extendedOn, c -> c.extended(extendedOn, extensionReason)));
        }
        // Played in date order; the sort is stable, so events of one day keep the order above.
        events.sort(Comparator.comparing(Event::on));
        for (Event event : events) {
            responseClock = event.apply().apply(responseClock);
        }
        return DeadlineView.of(responseClock, LocalDate.ofInstant(clock.instant(), UK));
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

    private record Event(LocalDate on, UnaryOperator<ResponseClock> apply) {
    }
}
