package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.domain.PolicyVersion;
import com.justelegance.privacy.consent.repository.CurrentConsentRepository.StaleConsent;
import com.justelegance.privacy.consent.rest.PolicyVersionDtos.StaleConsentView;
import com.justelegance.privacy.consent.rest.PolicyVersionDtos.StaleConsentsView;
import com.justelegance.privacy.consent.rest.PolicyVersionDtos.SubjectStaleConsents;
import com.justelegance.privacy.consent.rest.PolicyVersionDtos.VersionRequest;
import com.justelegance.privacy.consent.rest.PolicyVersionDtos.VersionView;
import com.justelegance.privacy.consent.service.PolicyVersions;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Privacy-policy / notice versions, and who must be shown the latest significant change. */
@Path("/api/v1/policy-versions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Policy versions")
public class PolicyVersionResource {

    private final PolicyVersions versions;

    public PolicyVersionResource(PolicyVersions versions) {
        this.versions = versions;
    }

    @GET
    @RolesAllowed({Roles.STOREFRONT, Roles.MARKETING, Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER,
            Roles.AUDITOR})
    @Operation(summary = "Registered versions, newest first")
    public List<VersionView> all() {
        return versions.all().stream().map(VersionView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Register a policy / notice version; a registered version never changes (409)")
    @APIResponse(responseCode = "201", description = "The version was registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "409", description = "policy-version-exists: the version is already registered; a "
            + "registered version never changes")
    public Response register(@NotNull @Valid VersionRequest request) {
        PolicyVersion registered = versions.register(request.version(), request.effectiveFrom(),
                request.wordingHash(), request.significant(), request.url());
        return Response.status(Response.Status.CREATED).entity(VersionView.of(registered)).build();
    }

    @GET
    @Path("/stale-consents")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Subjects whose current consents predate the latest significant version in force, "
            + "a page at a time in subject order")
    public StaleConsentsView staleConsents(
            @QueryParam("after") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        PolicyVersions.StaleConsentReport report = versions.consentsPredatingLatestSignificant(after, limit);
        Map<String, List<StaleConsentView>> bySubject = new LinkedHashMap<>();
        for (StaleConsent consent : report.consents()) {
            bySubject.computeIfAbsent(consent.subjectId(), s -> new ArrayList<>())
                    .add(new StaleConsentView(consent.purpose(), consent.policyVersion(), consent.since()));
        }
        List<SubjectStaleConsents> subjects = bySubject.entrySet().stream()
                .map(e -> new SubjectStaleConsents(e.getKey(), e.getValue())).toList();
        String nextAfter = subjects.size() == limit ? subjects.getLast().subjectId() : null;
        return new StaleConsentsView(VersionView.of(report.latestSignificant()), subjects, nextAfter);
    }
}
