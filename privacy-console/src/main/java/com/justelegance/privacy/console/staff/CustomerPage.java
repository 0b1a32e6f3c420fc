package com.justelegance.privacy.console.staff;

import com.justelegance.privacy.console.backend.BackendProblem;
import com.justelegance.privacy.console.backend.ConsentApi;
import com.justelegance.privacy.console.backend.DisclosureApi;
import com.justelegance.privacy.console.backend.RetentionApi;
import com.justelegance.privacy.events.EventFieldRules;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A customer (a data subject, by their opaque subject id) across the services: current consents and the decisions
 * and receipts that prove them (consent-service), the retention timeline, due date and holds (retention-service,
 * for the privacy officer and auditors), disclosures and Art. 19 notices (disclosure-service). The privacy officer
 * can place and release legal holds here. Suppression is not shown: consent-service keeps the suppression list by
 * hashed e-mail address and phone number only, and answers no question by subject id, on purpose.
 */
@Path("/console/customers")
public class CustomerPage {

    private static final Pattern SUBJECT_ID = Pattern.compile(EventFieldRules.OPAQUE_ID_PATTERN);
    /** Legal hold reasons as retention-service names them. */
    static final List<String> HOLD_REASONS = List.of("LITIGATION", "REGULATORY_INVESTIGATION",
            "LAW_ENFORCEMENT_REQUEST", "DISPUTE", "OTHER");

    private final Template customers;
    private final Template customer;
    private final ConsentApi consent;
    private final RetentionApi retention;
    private final DisclosureApi disclosure;
    private final StaffMember staff;

    public CustomerPage(@Location("customers.html") Template customers, @Location("customer.html") Template customer,
                        @RestClient ConsentApi consent, @RestClient RetentionApi retention,
                        @RestClient DisclosureApi disclosure, StaffMember staff) {
        this.customers = customers;
        this.customer = customer;
        this.consent = consent;
        this.retention = retention;
        this.disclosure = disclosure;
        this.staff = staff;
    }

    /** The look-up form; with a subject id, that customer's page. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Object find(@QueryParam("subjectId") String subjectId) {
        if (subjectId == null) {
            return customers.data("error", null).data("section", "customers");
        }
        if (!SUBJECT_ID.matcher(subjectId.strip()).matches()) {
            return Response.status(400).type(MediaType.TEXT_HTML).entity(customers
                    .data("error", "Enter a subject id: letters, digits, '_', ':' or '-', at most 64 characters.")
                    .data("section", "customers")).build();
        }
        return Response.seeOther(pageOf(subjectId.strip(), null)).build();
    }

    @GET
    @Path("/{subjectId}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance view(@PathParam("subjectId") String subjectId, @QueryParam("done") String done) {
        return page(subjectId, "hold-placed".equals(done) ? "Legal hold placed."
                : "hold-released".equals(done) ? "Legal hold released." : null, null);
    }

    /** Places a legal hold (privacy officer; retention-service decides). */
    @POST
    @Path("/{subjectId}/legal-holds")
    @Produces(MediaType.TEXT_HTML)
    public Response placeHold(@PathParam("subjectId") String subjectId, @FormParam("reason") String reason,
                              @FormParam("reference") String reference, @FormParam("endsOn") String endsOn) {
        Map<String, Object> hold = new LinkedHashMap<>();
        hold.put("reason", blankToNull(reason));
        hold.put("reference", blankToNull(reference));
        hold.put("endsOn", blankToNull(endsOn));
        try {
            retention.placeLegalHold(checked(subjectId), hold);
        } catch (BackendProblem refused) {
            return refusedPage(subjectId, refused);
        }
        return Response.seeOther(pageOf(subjectId, "hold-placed")).build();
    }

    /** Releases a legal hold (privacy officer). */
    @POST
    @Path("/{subjectId}/legal-holds/{holdId}/release")
    @Produces(MediaType.TEXT_HTML)
    public Response releaseHold(@PathParam("subjectId") String subjectId, @PathParam("holdId") UUID holdId) {
        try {
            retention.releaseLegalHold(holdId);
        } catch (BackendProblem refused) {
            return refusedPage(checked(subjectId), refused);
        }
        return Response.seeOther(pageOf(checked(subjectId), "hold-released")).build();
    }

    private Response refusedPage(String subjectId, BackendProblem refused) {
        String error = refused.message() + (refused.fields().isEmpty() ? "" : " (" + String.join(", ",
                refused.fields()) + ")");
        return Response.status(refused.status() >= 500 ? 503 : 422).type(MediaType.TEXT_HTML)
                .entity(page(subjectId, null, error)).build();
    }

    private TemplateInstance page(String subjectId, String notice, String error) {
        String id = checked(subjectId);
        boolean reviewer = staff.isReviewer();
        return customer.data("subjectId", id)
                .data("consents", PagePart.of(() -> consent.consents(id)))
                .data("decisions", PagePart.of(() -> consent.decisions(id)))
                .data("receipts", PagePart.of(() -> consent.receipts(id)))
                .data("timeline", PagePart.ifAllowed(reviewer, () -> retention.timeline(id)))
                .data("holds", PagePart.ifAllowed(reviewer, () -> retention.holds(id)))
                .data("disclosures", PagePart.of(() -> disclosure.disclosuresOf(id)))
                .data("notices", PagePart.of(() -> disclosure.noticesOf(id)))
                .data("holdReasons", HOLD_REASONS)
                .data("notice", notice).data("error", error).data("section", "customers");
    }

    /** A subject id from the path: one the services could hold, else there is no such page. */
    private static String checked(String subjectId) {
        if (subjectId == null || !SUBJECT_ID.matcher(subjectId).matches()) {
            throw new NotFoundException();
        }
        return subjectId;
    }

    private static java.net.URI pageOf(String subjectId, String done) {
        UriBuilder uri = UriBuilder.fromPath("/console/customers/{id}");
        if (done != null) {
            uri.queryParam("done", done);
        }
        return uri.build(subjectId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
