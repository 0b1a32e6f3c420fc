package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.rest.SubjectExportDtos.SubjectExport;
import com.justelegance.privacy.consent.service.SubjectDataExport;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Everything held about a subject, for their access request; dsr-service is the caller. */
@Path("/api/v1/subjects/{subjectId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access requests")
public class SubjectExportResource {

    private final SubjectDataExport export;

    public SubjectExportResource(SubjectDataExport export) {
        this.export = export;
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.DSR_SERVICE})
    @Operation(summary = "Current consents, full history with proof, receipts, suppressed channels and restrictions "
            + "of processing of a subject")
    public SubjectExport export(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId) {
        SubjectDataExport.SubjectData data = export.export(subjectId);
        return new SubjectExport(data.subjectId(), data.exportedAt(),
                data.currentConsents().stream()
                        .map(consent -> ConsentDtos.CurrentConsentView.of(consent, data.restricted())).toList(),
                data.history().stream().map(ConsentDtos.DecisionView::of).toList(), data.receipts(),
                data.suppressedChannels(), data.knownOrders(),
                data.restrictions().stream().map(SubjectExportDtos.RestrictionView::of).toList());
    }
}
