package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.rest.AccessPackageDtos.AccessPackageView;
import com.justelegance.privacy.dsr.service.AccessPackages;
import com.justelegance.privacy.dsr.service.AccessPackages.Format;
import com.justelegance.privacy.kit.problem.FieldProblemException;
import com.justelegance.privacy.kit.problem.KitProblem;
import com.justelegance.privacy.kit.problem.Problem;
import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Access and portability packages: staff prepare a case's package and follow it; the requester downloads it with
 * the link's token, without a login.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
public class AccessPackageResource {

    private static final String PDF = "application/pdf";

    private final AccessPackages packages;
    private final SecurityIdentity identity;

    public AccessPackageResource(AccessPackages packages, SecurityIdentity identity) {
        this.packages = packages;
        this.identity = identity;
    }

    @POST
    @Path("/requests/{id}/access-package")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Gather the subject's data from every source into the case's package (replacing any "
            + "earlier one and its link); when every source answered, the answer carries the download link for the "
            + "requester, shown this once")
    @APIResponse(responseCode = "200", description = "The package: complete with its downloadUrl, or incomplete "
            + "naming the sources that could not be read (no link)")
    @APIResponse(responseCode = "404", description = "case-not-found: no case has this id")
    @APIResponse(responseCode = "409", description = "case-closed: the case was closed; case-status-conflict: the "
            + "case is not an access or portability request, its subject is not resolved, the requester's identity "
            + "is not verified, or it is not received or in progress")
    public AccessPackageView prepare(@PathParam("id") UUID id) {
        AccessPackages.Prepared prepared = packages.prepare(id, identity.getPrincipal().getName());
        return AccessPackageView.of(prepared.status(), true, prepared.downloadUrl().orElse(null));
    }

    @GET
    @Path("/requests/{id}/access-package")
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

    /**
     * Open to anyone: the token is the authority (32 random bytes, kept only as a keyed hash, working for a few
     * days and a few downloads), as with consent-service's unsubscribe links. The requester has no account here.
     */
    @GET
    @Path("/access-packages/{token}")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, PDF})
    @Operation(summary = "Download a package with its link (no login): JSON (machine-readable, for portability), "
            + "or the readable report as HTML or PDF, by ?format=json|html|pdf or else the Accept header. Each "
            + "download counts against the link's limit and is audited")
    @APIResponse(responseCode = "200", description = "The package",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = MediaType.TEXT_HTML),
                    @Content(mediaType = PDF)})
    @APIResponse(responseCode = "400", description = "validation-failed: format is not json, html or pdf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = Problem.SCHEMA)))
    @APIResponse(responseCode = "404", description = "access-link-not-found: no package has this link",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = Problem.SCHEMA)))
    @APIResponse(responseCode = "410", description = "access-link-expired: the link expired or was used as many "
            + "times as allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = Problem.SCHEMA)))
    public Response download(@PathParam("token") @Size(max = 128) String token,
                             @QueryParam("format") String format, @Context HttpHeaders headers) {
        AccessPackages.Download download = packages.download(token, formatOf(format, headers));
        String disposition = download.format() == Format.HTML ? "inline" : "attachment";
        return Response.ok(download.content(), download.format().mediaType())
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", disposition + "; filename=\"" + download.fileName() + "\"")
                .build();
    }

    /** {@code ?format=} first; else the first of HTML or PDF the Accept header names; else JSON. */
    private static Format formatOf(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> Format.JSON;
                case "html" -> Format.HTML;
                case "pdf" -> Format.PDF;
                default -> throw new FieldProblemException(KitProblem.VALIDATION_FAILED, "format",
                        "format must be json, html or pdf");
            };
        }
        List<MediaType> acceptable = headers.getAcceptableMediaTypes();
        for (MediaType type : acceptable) {
            if (type.isWildcardType()) {
                break;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return Format.HTML;
            }
            if (type.isCompatible(MediaType.valueOf(PDF))) {
                return Format.PDF;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Format.JSON;
            }
        }
        return Format.JSON;
    }
}
