package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.service.AccessPackages;
import com.justelegance.privacy.dsr.service.AccessPackages.Format;
import com.justelegance.privacy.kit.problem.FieldProblemException;
import com.justelegance.privacy.kit.problem.KitProblem;
import com.justelegance.privacy.kit.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
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

/**
 * The requester's download of their access or portability package, by the link staff send them. No login: the
 * link's token is the authority (32 random bytes, kept only as a keyed hash, working for a few days and a few
 * downloads), as with consent-service's unsubscribe links; the requester has no account here.
 */
@Path("/api/v1/access-packages/{token}")
@Tag(name = "Requests")
public class AccessPackageDownloadResource {

    private static final String PDF = "application/pdf";

    private final AccessPackages packages;

    public AccessPackageDownloadResource(AccessPackages packages) {
        this.packages = packages;
    }

    /** Open to anyone with the link (see the class). */
    @GET
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
