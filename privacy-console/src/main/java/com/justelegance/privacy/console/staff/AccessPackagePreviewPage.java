package com.justelegance.privacy.console.staff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.console.backend.BackendProblem;
import com.justelegance.privacy.console.backend.DsrApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An access package reviewed before it goes to the requester (privacy officer): prepared without release
 * ({@code POST .../access-package/prepare}), shown per source with what was withheld from it marked, then released
 * with one button ({@code POST .../access-package/release}), which has dsr-service issue the link and send the letter.
 * dsr-service decides who may: it answers the preview and the release to the privacy officer only.
 */
@Path("/console/requests/{id: " + RequestPage.UUID_PATTERN + "}/access-package")
public class AccessPackagePreviewPage {

    /** One source's part of the package: its title, what it holds, its outcome, and its data as indented JSON. */
    public record SectionView(String source, String title, String holds, String outcome, String data) {
    }

    /** Something the sources marked as withheld from the requester, as the page lists it. */
    public record WithheldView(String source, String recipient, String reference, String disclosedAt,
                               String dataCategories) {
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance accessPackagePreview(UUID id, Map<String, Object> preview,
                                                            List<SectionView> sections, String missingSources,
                                                            List<WithheldView> withheld, String error,
                                                            String section);
    }

    /** dsr-service's title for a case without a package (or whose package was deleted). */
    private static final String ACCESS_PACKAGE_NOT_PREPARED = "Access package not prepared";

    private final DsrApi dsr;
    private final ObjectMapper json;

    public AccessPackagePreviewPage(@RestClient DsrApi dsr, ObjectMapper json) {
        this.dsr = dsr;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance preview(@PathParam("id") UUID id) {
        return page(id, null);
    }

    /** Gathers the package without releasing it (no link, no letter), then shows it for review. */
    @POST
    @Path("/prepare")
    @Produces(MediaType.TEXT_HTML)
    public Response prepare(@PathParam("id") UUID id) {
        try {
            dsr.prepareAccessPackage(id, false);
        } catch (BackendProblem refused) {
            return refusal(id, refused);
        }
        return Response.seeOther(URI.create("/console/requests/" + id + "/access-package")).build();
    }

    /** Releases the reviewed package; back to the request with the same notice as a package sent at once. */
    @POST
    @Path("/release")
    @Produces(MediaType.TEXT_HTML)
    public Response release(@PathParam("id") UUID id) {
        try {
            dsr.releaseAccessPackage(id);
        } catch (BackendProblem refused) {
            return refusal(id, refused);
        }
        return Response.seeOther(URI.create("/console/requests/" + id + "?done=access-package")).build();
    }

    /** The page again with the service's reason; the status says what kind of refusal it was. */
    private Response refusal(UUID id, BackendProblem refused) {
        if (refused.status() == 404) {
            throw new NotFoundException();
        }
        int status = refused.status() >= 500 ? 503 : refused.status() == 403 ? 403 : 422;
        return Response.status(status).type(MediaType.TEXT_HTML).entity(page(id, refused.message())).build();
    }

    private TemplateInstance page(UUID id, String error) {
        Map<String, Object> preview;
        try {
            preview = dsr.accessPackagePreview(id);
        } catch (BackendProblem absent) {
            if (absent.status() != 404) {
                throw absent;
            }
            if (!ACCESS_PACKAGE_NOT_PREPARED.equals(absent.title())) {
                throw new NotFoundException();
            }
            // No package (or it was deleted): the page says so, with the form to prepare one for review.
            preview = null;
        }
        return Templates.accessPackagePreview(id, preview, sections(preview),
                preview == null ? "" : joined(preview.get("missingSources")), withheld(preview), error, "requests");
    }

    /** The document's sections in the order the package has them. */
    @SuppressWarnings("unchecked")
    List<SectionView> sections(Map<String, Object> preview) {
        List<SectionView> sections = new ArrayList<>();
        if (preview == null || !(preview.get("document") instanceof Map<?, ?> document)
                || !(document.get("sections") instanceof Map<?, ?> bySource)) {
            return sections;
        }
        for (Map.Entry<?, ?> entry : bySource.entrySet()) {
            Map<String, Object> section = (Map<String, Object>) entry.getValue();
            sections.add(new SectionView(String.valueOf(entry.getKey()), text(section.get("title")),
                    text(section.get("holds")), text(section.get("outcome")), indented(section.get("data"))));
        }
        return sections;
    }

    /** What the sources withheld, listed apart from the package. */
    List<WithheldView> withheld(Map<String, Object> preview) {
        List<WithheldView> withheld = new ArrayList<>();
        if (preview == null || !(preview.get("withheldFromRequester") instanceof List<?> items)) {
            return withheld;
        }
        for (Object item : items) {
            if (item instanceof Map<?, ?> w) {
                Object name = w.get("recipientName") != null ? w.get("recipientName") : w.get("recipient");
                String recipient = text(name) + (w.get("recipientCategory") == null ? ""
                        : " (" + w.get("recipientCategory") + ")");
                withheld.add(new WithheldView(text(w.get("source")), recipient, text(w.get("reference")),
                        text(w.get("disclosedAt")), joined(w.get("dataCategories"))));
            }
        }
        return withheld;
    }

    private static String joined(Object values) {
        return values instanceof List<?> list
                ? String.join(", ", list.stream().map(String::valueOf).toList()) : "";
    }

    private String indented(Object data) {
        if (data == null) {
            return null;
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return String.valueOf(data);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
