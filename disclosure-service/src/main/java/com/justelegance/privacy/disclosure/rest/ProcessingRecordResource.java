package com.justelegance.privacy.disclosure.rest;

import com.justelegance.privacy.disclosure.rest.ProcessingRecordDtos.ProcessingSummary;
import com.justelegance.privacy.disclosure.rest.ProcessingRecordDtos.RecipientSummary;
import com.justelegance.privacy.disclosure.service.RecordsOfProcessing;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;

/** The recipients part of the records of processing (Art. 30). */
@Path("/api/v1/disclosure-summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Records of processing")
public class ProcessingRecordResource {

    private static final String MONTH = "^\\d{4}-(0[1-9]|1[0-2])$";

    private final RecordsOfProcessing records;

    public ProcessingRecordResource(RecordsOfProcessing records) {
        this.records = records;
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Every recipient with its category, role, purpose, basis, country and safeguard, and the "
            + "volume of disclosures per data category in the months from..to (yyyy-MM, inclusive)")
    @APIResponse(responseCode = "200", description = "The records of processing for the months")
    @APIResponse(responseCode = "400", description = "invalid-period: to is before from")
    public ProcessingSummary summary(
            @QueryParam("from") @NotNull @Pattern(regexp = MONTH, message = "must be a month, yyyy-MM") String from,
            @QueryParam("to") @NotNull @Pattern(regexp = MONTH, message = "must be a month, yyyy-MM") String to) {
        return new ProcessingSummary(from, to, records.summary(YearMonth.parse(from), YearMonth.parse(to)).stream()
                .map(RecipientSummary::of).toList());
    }
}
