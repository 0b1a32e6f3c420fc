package com.justelegance.privacy.dsr.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.dsr.rest.AccessPackageDtos.AccessPackagePreview;
import com.justelegance.privacy.dsr.rest.AccessPackageDtos.AccessPackageView;
import com.justelegance.privacy.dsr.service.AccessPackages;
import com.justelegance.privacy.dsr.service.CaseLetters;
import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * A case's access or portability package: staff prepare it and follow it. The requester downloads it with the link
 * ({@link AccessPackageDownloadResource}).
 */
@Path("/api/v1/requests/{id}/access-package")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
public class AccessPackageResource {

    private final AccessPackages packages;
    private final CaseLetters letters;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public AccessPackageResource(AccessPackages packages, CaseLetters letters, SecurityIdentity identity,
                                 ObjectMapper json) {
        this.packages = packages;
        this.letters = letters;
        this.identity = identity;
        this.json = json;
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Gather the subject's data from every source into the case's package (replacing any "
            + "earlier one and its link); when every source answered, the requester is sent the download link by "
            + "letter (kept on the trail) and the answer carries it, shown this once. With release=false the package "
            + "is kept for review instead: no link, no letter, until it is released")
    @APIResponse(responseCode = "200", description = "The package: complete with its downloadUrl (or, not released, "
            + "link AWAITING_RELEASE), or incomplete naming the sources that could not be read (no link)")
    @APIResponse(responseCode = "400", description = "validation-failed: release is not true or false")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = "case-closed: the case was closed; case-status-conflict: the "
            + "case is not an access or portability request, its subject is not resolved, the requester's identity "
            + "is not verified, or it is not received or in progress")
    public AccessPackageView prepare(@PathParam("id") UUID id, @QueryParam("release") @DefaultValue("true")
                                     @Pattern(regexp = "^(true|false)$") String release) {
        // A string checked here, not a boolean: JAX-RS would read any other word ("yes") as false and keep the package.
        return sent(id, packages.prepare(id, identity.getPrincipal().getName(), Boolean.parseBoolean(release)));
    }

    @GET
    @Path("/preview")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "The package exactly as the requester would download it, with what was withheld from it "
            + "listed apart, for the privacy officer to review before release; audited")
    @APIResponse(responseCode = "200", description = "The package document and what is withheld from it")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id; "
            + "access-package-not-prepared: no package was prepared for the case, or it was deleted")
    public AccessPackagePreview preview(@PathParam("id") UUID id) {
        AccessPackages.Preview preview = packages.preview(id);
        try {
            return AccessPackagePreview.of(preview, json.readTree(preview.document()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored access package is unreadable", e);
        }
    }

    @POST
    @Path("/release")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Release the package kept for review: issue its link and send it to the requester by "
            + "letter (kept on the trail); the answer carries the link, shown this once")
    @APIResponse(responseCode = "200", description = "The package, its link ACTIVE, with its downloadUrl")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = "access-package-not-releasable: no complete package waits for "
            + "release (none prepared for review, already released, or kept too long and deleted); case-closed, "
            + "case-status-conflict: as for preparing")
    public AccessPackageView release(@PathParam("id") UUID id) {
        return sent(id, packages.release(id, identity.getPrincipal().getName()));
    }

    /** Sends the link, when one was issued, once the package is stored; the answer shows it this once. */
    private AccessPackageView sent(UUID id, AccessPackages.Prepared prepared) {
        prepared.downloadUrl().ifPresent(url -> letters.packageReady(id, url,
                prepared.status().record().expiresAt()));
        return AccessPackageView.of(prepared.status(), true, prepared.downloadUrl().orElse(null));
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The case's package: each source's outcome, complete or which source is missing, what "
            + "was withheld (listed for the privacy officer, counted for others), the link's expiry and downloads")
    @APIResponse(responseCode = "200", description = "The package")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id; "
            + "access-package-not-prepared: no package was prepared for the case")
    public AccessPackageView status(@PathParam("id") UUID id) {
        boolean officer = identity.hasRole(Roles.PRIVACY_OFFICER);
        return AccessPackageView.of(packages.status(id, officer), officer, null);
    }
}
