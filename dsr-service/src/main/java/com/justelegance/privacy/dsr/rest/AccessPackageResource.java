package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.rest.AccessPackageDtos.AccessPackageView;
import com.justelegance.privacy.dsr.service.AccessPackages;
import com.justelegance.privacy.dsr.service.CaseLetters;
import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

    public AccessPackageResource(AccessPackages packages, CaseLetters letters, SecurityIdentity identity) {
        this.packages = packages;
        this.letters = letters;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Gather the subject's data from every source into the case's package (replacing any "
            + "earlier one and its link); when every source answered, the requester is sent the download link by "
            + "letter (kept on the trail) and the answer carries it, shown this once")
    @APIResponse(responseCode = "200", description = "The package: complete with its downloadUrl, or incomplete "
            + "naming the sources that could not be read (no link)")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = "case-closed: the case was closed; case-status-conflict: the "
            + "case is not an access or portability request, its subject is not resolved, the requester's identity "
            + "is not verified, or it is not received or in progress")
    public AccessPackageView prepare(@PathParam("id") UUID id) {
        AccessPackages.Prepared prepared = packages.prepare(id, identity.getPrincipal().getName());
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
