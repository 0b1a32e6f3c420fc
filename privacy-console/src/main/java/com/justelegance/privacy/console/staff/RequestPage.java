package com.justelegance.privacy.console.staff;

import com.justelegance.privacy.console.backend.BackendProblem;
import com.justelegance.privacy.console.backend.DsrApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One request: its details, deadline and timeline, what each service answered (the erasure's receipts and
 * certificate, the access package), and the actions the signed-in role may take. Each action is a form posting to
 * {@code /console/requests/{id}/{action}}, passed on to dsr-service's endpoint of the same name; success comes back
 * to this page with a notice, a refusal is shown above the form.
 */
// The id is a UUID by its pattern, so that /console/requests/export.csv and /search are not taken for a request.
@Path("/console/requests/{id: " + RequestPage.UUID_PATTERN + "}")
public class RequestPage {

    /** A request id as dsr-service issues them (a UUID). */
    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";


    /** Not type-checked: it shows dsr-service's JSON as it comes, nested maps and lists. */
    private final Template request;
    private final DsrApi dsr;

    public RequestPage(@Location("request.html") Template request, @RestClient DsrApi dsr) {
        this.request = request;
        this.dsr = dsr;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance view(@PathParam("id") UUID id, @QueryParam("done") String done) {
        CaseAction action = done == null ? null : CaseAction.byPath(done);
        return page(id, action == null ? null : action.notice(), null);
    }

    @POST
    @Path("/{action}")
    @Produces(MediaType.TEXT_HTML)
    public Object act(@PathParam("id") UUID id, @PathParam("action") String path,
                      MultivaluedMap<String, String> form) {
        CaseAction action = CaseAction.byPath(path);
        if (action == null) {
            throw new NotFoundException();
        }
        try {
            if (action == CaseAction.LIFT_RESTRICTION) {
                dsr.liftRestriction(id, action.body(form));
            } else if (action.hasBody()) {
                dsr.act(id, action.path(), action.body(form));
            } else {
                dsr.act(id, action.path());
            }
        } catch (BackendProblem refused) {
            if (refused.status() == 404) {
                throw new NotFoundException();
            }
            // The page again, with the service's reason; the status says what kind of refusal it was.
            int status = refused.status() >= 500 ? 503 : refused.status() == 403 ? 403 : 422;
            return Response.status(status)
                    .entity(page(id, null, refused.message())).type(MediaType.TEXT_HTML).build();
        }
        return Response.seeOther(URI.create("/console/requests/" + id + "?done=" + action.path())).build();
    }

    private TemplateInstance page(UUID id, String notice, String error) {
        Map<String, Object> requestCase;
        try {
            requestCase = dsr.requestCase(id);
        } catch (BackendProblem missing) {
            if (missing.status() == 404) {
                throw new NotFoundException();
            }
            throw missing;
        }
        String type = String.valueOf(requestCase.get("type"));
        Map<String, Object> erasure = null;
        Map<String, Object> certificate = null;
        Map<String, Object> accessPackage = null;
        Map<String, Object> restriction = null;
        if ("ERASURE".equals(type)) {
            erasure = optional(() -> dsr.erasure(id));
            certificate = erasure != null && erasure.get("closedAt") != null
                    ? optional(() -> dsr.erasureCertificate(id)) : null;
        } else if ("ACCESS".equals(type) || "PORTABILITY".equals(type)) {
            accessPackage = optional(() -> dsr.accessPackage(id));
        } else if ("RESTRICTION".equals(type)) {
            restriction = optional(() -> dsr.restriction(id));
        }
        return request.data("request", requestCase).data("erasure", erasure).data("certificate", certificate)
                .data("accessPackage", accessPackage).data("restriction", restriction).data("notice", notice)
                .data("error", error).data("section", "requests");
    }

    /** A part the case may not have yet (no erasure asked for, no package prepared): dsr-service answers 404. */
    private static Map<String, Object> optional(java.util.function.Supplier<Map<String, Object>> call) {
        try {
            return call.get();
        } catch (BackendProblem absent) {
            if (absent.status() == 404 || absent.status() == 409) {
                return null;
            }
            throw absent;
        }
    }

    /** The actions the page offers, each passed on to dsr-service's endpoint of the same name with these fields. */
    enum CaseAction {
        ASSIGN("assignment", "Assigned.", "assignee"),
        CLASSIFY("classification", "Classified.", "type"),
        FIND_SUBJECT("subject-resolution", "Looked the requester up at the storefront."),
        REQUEST_IDENTITY("identity-request", "A one-time code was sent to the requester."),
        CONFIRM_CODE("identity-code", "Identity verified with the code.", "code"),
        RECORD_IDENTITY_CHECK("identity-checks", "Identity check recorded.", "method", "outcome", "note"),
        ASK_CLARIFICATION("clarification-request", "The question was sent; the clock is paused.", "question"),
        CLARIFICATION_RECEIVED("clarification", "The answer is on the case; the clock runs again.", "answer"),
        EXTEND("extension", "Extended; the requester was told why.", "reason"),
        REFUSE("refusal", "Refused; the requester was told why and of their right to complain.", "reason",
                "explanation"),
        WITHDRAW("withdrawal", "Marked as withdrawn.", "note"),
        ERASE("erasure", "Erasure requested from every service."),
        PREPARE_PACKAGE("access-package", "The access package is prepared and the link sent."),
        RESTRICT("restriction", "Processing restricted.", "note"),
        LIFT_RESTRICTION("restriction-lift", "Restriction lifted; the requester was told.", "reason"),
        OBJECT_TO_MARKETING("marketing-objection", "Objection to direct marketing carried out."),
        WITHDRAW_CONSENT("consent-withdrawal", "Consent withdrawn.", "purposes"),
        RECTIFY("rectification", "Correction sent to the services.", "categories", "corrections"),
        COMPLETE("completion", "Completed; the requester was told.", "partially", "explanation"),
        COMMENT("comments", "Comment added.", "text");

        private static final List<String> LIST_FIELDS = List.of("purposes", "categories");
        private final String path;
        private final String notice;
        private final List<String> fields;

        CaseAction(String path, String notice, String... fields) {
            this.path = path;
            this.notice = notice;
            this.fields = List.of(fields);
        }

        static CaseAction byPath(String path) {
            for (CaseAction action : values()) {
                if (action.path.equals(path)) {
                    return action;
                }
            }
            return null;
        }

        String path() {
            return path;
        }

        String notice() {
            return notice;
        }

        boolean hasBody() {
            return !fields.isEmpty() || this == WITHDRAW_CONSENT;
        }

        /** The JSON body from the form: only this action's fields, blank ones left out. */
        Map<String, Object> body(MultivaluedMap<String, String> form) {
            Map<String, Object> body = new LinkedHashMap<>();
            for (String field : fields) {
                List<String> values = form.get(field);
                if (values == null) {
                    continue;
                }
                List<String> given = values.stream().filter(v -> v != null && !v.isBlank()).toList();
                if (LIST_FIELDS.contains(field)) {
                    body.put(field, given);
                } else if ("partially".equals(field)) {
                    body.put(field, given.contains("true"));
                } else if (!given.isEmpty()) {
                    body.put(field, given.get(0));
                }
            }
            return body;
        }
    }
}
