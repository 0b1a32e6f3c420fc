package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.domain.ConsentAnswer;
import com.justelegance.privacy.consent.rest.ConsentCheckDtos.BatchCheckAnswer;
import com.justelegance.privacy.consent.rest.ConsentCheckDtos.BatchCheckRequest;
import com.justelegance.privacy.consent.rest.ConsentCheckDtos.CheckAnswer;
import com.justelegance.privacy.consent.rest.ConsentCheckDtos.SubjectAnswer;
import com.justelegance.privacy.consent.service.ConsentChecks;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.Purpose;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/** Consent checks: may this subject, or these subjects, be processed for a purpose now? */
@Path("/api/v1/consent-checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent checks")
public class ConsentCheckResource {

    /** The most subjects one batch check takes (a marketing send is split into batches of this size). */
    public static final int MAX_BATCH = 10_000;

    private final ConsentChecks checks;

    public ConsentCheckResource(ConsentChecks checks) {
        this.checks = checks;
    }

    @GET
    @RolesAllowed({Roles.STOREFRONT, Roles.MARKETING})
    @Operation(summary = "May the subject be processed for the purpose now? The answer, its basis and since when, "
            + "or why not")
    @APIResponse(responseCode = "200", description = "The answer for the subject")
    @APIResponse(responseCode = "400", description = "unknown-purpose: the purpose is not in the purpose catalogue")
    public CheckAnswer check(
            @QueryParam("subjectId") @NotNull @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId,
            @QueryParam("purpose") @NotNull @Pattern(regexp = Purpose.CODE_PATTERN) String purpose) {
        ConsentAnswer answer = checks.check(subjectId, purpose);
        return new CheckAnswer(subjectId, purpose, answer.allowed(), answer.basis(), answer.since(),
                answer.reason());
    }

    @POST
    @RolesAllowed({Roles.STOREFRONT, Roles.MARKETING})
    @Operation(summary = "The same check for up to 10,000 subjects at once, e.g. before a marketing send")
    @APIResponse(responseCode = "200", description = "The answer for each subject, in the order asked")
    @APIResponse(responseCode = "400", description = "unknown-purpose: the purpose is not in the purpose catalogue")
    public BatchCheckAnswer checkBatch(@NotNull @Valid BatchCheckRequest request) {
        List<ConsentAnswer> answers = checks.check(request.subjectIds(), request.purpose());
        List<SubjectAnswer> results = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            ConsentAnswer answer = answers.get(i);
            results.add(new SubjectAnswer(request.subjectIds().get(i), answer.allowed(), answer.basis(),
                    answer.since(), answer.reason()));
        }
        return new BatchCheckAnswer(request.purpose(), results);
    }
}
