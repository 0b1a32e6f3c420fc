package com.justelegance.privacy.kit.audit;

import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Every service's audit log, readable by the privacy officer and auditors. */
@Path("/api/v1/audit-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
@RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
public class AuditLogResource {

    private final AuditLog auditLog;
    private final AuditSealer sealer;
    private final AuditAnchors anchors;

    public AuditLogResource(AuditLog auditLog, AuditSealer sealer, AuditAnchors anchors) {
        this.auditLog = auditLog;
        this.sealer = sealer;
        this.anchors = anchors;
    }

    @GET
    @Operation(summary = "Recent audit entries, newest first, optionally about one subject; an entry whose "
            + "transaction had not ended when the chain was last sealed is listed with sealed false and no hashes")
    public List<AuditEntry> recent(
            @QueryParam("subjectId") @Pattern(regexp = EventFieldRules.OPAQUE_ID_PATTERN) String subjectId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return auditLog.recent(subjectId, limit);
    }

    @GET
    @Path("/verification")
    @Operation(summary = "Check that no audit entry was altered or removed, the newest included (against the anchors)")
    @APIResponse(responseCode = "200", description = "Whether the chain is intact, and what was found if not")
    @APIResponse(responseCode = "503", description = "audit-anchors-unavailable: the anchors could not be read from "
            + "the broker, so the chain cannot be verified now")
    public ChainVerification verify() {
        // Seal first, so the check covers every entry whose transaction has ended.
        sealer.sealCommitted();
        return auditLog.verify(anchors.read());
    }

    @POST
    @Path("/anchors")
    @Operation(summary = "Anchor the chain's current head outside the database now (it is also anchored on a schedule)")
    @APIResponse(responseCode = "200", description = "The anchor as written")
    @APIResponse(responseCode = "503", description = "audit-anchors-unavailable: the broker could not be reached to "
            + "anchor the head in time")
    public AuditAnchor anchor() {
        sealer.sealCommitted();
        return anchors.anchor();
    }
}
