package com.justelegance.privacy.retention.rest;

import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.retention.rest.RetentionRuleDtos.RuleRequest;
import com.justelegance.privacy.retention.rest.RetentionRuleDtos.RuleVersionView;
import com.justelegance.privacy.retention.rest.RetentionRuleDtos.RuleView;
import com.justelegance.privacy.retention.service.RetentionRules;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The retention rules per record category: read by the privacy officer and auditors, edited by the officer. */
@Path("/api/v1/retention-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Retention rules")
public class RetentionRuleResource {

    /** Record category codes: upper-case letters, digits and underscores. */
    public static final String CATEGORY_PATTERN = EventFieldRules.CODE_PATTERN;

    private final RetentionRules rules;
    private final SecurityIdentity identity;

    public RetentionRuleResource(RetentionRules rules, SecurityIdentity identity) {
        this.rules = rules;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The retention rules in force, one per record category")
    public List<RuleView> rulesInForce() {
        return rules.rulesInForce().stream().map(RuleView::of).toList();
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Every version of the rules, newest first: who changed what, and when")
    public List<RuleVersionView> history(
            @QueryParam("category") @Pattern(regexp = CATEGORY_PATTERN) String category) {
        return rules.history(category).stream().map(RuleVersionView::of).toList();
    }

    @PUT
    @Path("/{category}")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Create or change the rule of a record category; recomputes every subject's due date")
    @APIResponse(responseCode = "201", description = "The rule was created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "200", description = "The rule was changed, or already had these terms",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "400", description = "invalid-retention-period: the period is not ISO-8601 years, "
            + "months, weeks or days, or out of range")
    @APIResponse(responseCode = "409", description = "rule-version-conflict: the rule is not at expectedVersion; "
            + "general-rule-required: no rule would run from the last contact, so some data would never end")
    public Response put(@PathParam("category") @Pattern(regexp = CATEGORY_PATTERN) String category,
                        @NotNull @Valid RuleRequest request) {
        RetentionRules.RuleChange change = rules.put(category, new RetentionRules.RuleTerms(
                        request.anchor(), request.period(), request.action(), request.reason()),
                request.expectedVersion(), identity.getPrincipal().getName());
        return Response.status(change.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(RuleView.of(change.rule()))
                .build();
    }

    @DELETE
    @Path("/{category}")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Delete the rule of a record category; its history stays")
    @APIResponse(responseCode = "204", description = "The rule was deleted")
    @APIResponse(responseCode = "404", description = "rule-not-found: no retention rule exists for the category")
    @APIResponse(responseCode = "409", description = "rule-version-conflict: the rule is not at expectedVersion; "
            + "general-rule-required: no rule would run from the last contact, so some data would never end")
    public void delete(@PathParam("category") @Pattern(regexp = CATEGORY_PATTERN) String category,
                       @QueryParam("expectedVersion") @PositiveOrZero Integer expectedVersion) {
        rules.delete(category, expectedVersion, identity.getPrincipal().getName());
    }
}
