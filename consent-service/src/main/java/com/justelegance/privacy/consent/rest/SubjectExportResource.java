package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.service.ConsentReceipts;
import com.justelegance.privacy.consent.service.SubjectDataExport;
import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.Channel;
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

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Everything held about a subject, for their access request; dsr-service is the caller. */
@Path("/api/v1/subjects/{subjectId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access requests")
public class SubjectExportResource {

    private final SubjectDataExport export;

    public SubjectExportResource(SubjectDataExport export) {
        this.export = export;
    }

    /**
     * The subject's data.
     *
     * @param suppressedChannels channels on which the subject's identifiers are on the suppression list (the
     *                           identifiers are held only as keyed hashes, so they cannot be shown)
     * @param knownOrders        order ids the storefront reported, held so that soft opt-ins can name them
     */
    public record SubjectExport(String subjectId, Instant exportedAt,
                                List<ConsentDtos.CurrentConsentView> currentConsents,
                                List<ConsentDtos.DecisionView> history, List<ConsentReceipts.Receipt> receipts,
                                Set<Channel> suppressedChannels, List<String> knownOrders) {
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.DSR_SERVICE})
    @Operation(summary = "Current consents, full history with proof, receipts and suppressed channels of a subject")
    public SubjectExport export(
            @PathParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId) {
        SubjectDataExport.SubjectData data = export.export(subjectId);
        return new SubjectExport(data.subjectId(), data.exportedAt(),
                data.currentConsents().stream().map(ConsentDtos.CurrentConsentView::of).toList(),
                data.history().stream().map(ConsentDtos.DecisionView::of).toList(), data.receipts(),
                data.suppressedChannels(), data.knownOrders());
    }
}
