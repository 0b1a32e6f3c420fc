package com.justelegance.privacy.console.staff;

import com.justelegance.privacy.console.backend.BackendProblem;
import com.justelegance.privacy.console.backend.DsrApi;
import com.justelegance.privacy.console.web.Csv;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The request queue: open requests soonest due first, as dsr-service's queue rows give them (days left, paused,
 * extended, overdue, assignee), with filters (status, type, overdue, assignee); a search by reference or by the
 * requester's e-mail address, posted so that the address stays out of URLs, passed on in dsr-service's POST body and
 * never put back into the page; and a CSV export for audit, closed requests included, with who decided each and when.
 */
@Path("/console/requests")
public class RequestQueuePage {

    /** The queue's filters, as the form submitted them (empty: any). */
    public record QueueFilter(String status, String type, String overdue, String assignee, boolean includeClosed) {
    }

    /**
     * What a search looked for, as the page may say it: the kind only ({@code reference} or {@code e-mail address}),
     * never the value typed.
     */
    public record Search(String by, String error) {
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance requestQueue(List<Map<String, Object>> rows, QueueFilter filter, Search search,
                                                    String section);
    }

    /** Header of the audit export; one row per request. */
    static final String CSV_HEADER = "reference,received,type,channel,status,due,decided by,decided when\n";

    private final DsrApi dsr;

    public RequestQueuePage(@RestClient DsrApi dsr) {
        this.dsr = dsr;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("type") String type,
                                  @QueryParam("overdue") String overdue, @QueryParam("assignee") String assignee,
                                  @QueryParam("includeClosed") boolean includeClosed) {
        QueueFilter filter = new QueueFilter(status, type, overdue, assignee, includeClosed);
        return Templates.requestQueue(rows(filter), filter, null, "requests");
    }

    /**
     * Finds requests by reference or e-mail address (one box: text with an {@code @} is an address). The rows come
     * back in the queue's table; what was typed does not.
     */
    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response search(@FormParam("query") String query) {
        QueueFilter noFilter = new QueueFilter(null, null, null, null, false);
        String typed = query == null ? "" : query.strip();
        if (typed.isEmpty()) {
            return Response.status(422).type(MediaType.TEXT_HTML).entity(Templates.requestQueue(List.of(), noFilter,
                    new Search(null, "Enter a request reference or the requester's email address"), "requests"))
                    .build();
        }
        boolean byEmail = typed.contains("@");
        String by = byEmail ? "e-mail address" : "reference";
        try {
            List<Map<String, Object>> rows = dsr.search(Map.of(byEmail ? "email" : "reference", typed));
            return Response.ok(Templates.requestQueue(rows, noFilter, new Search(by, null), "requests"))
                    .type(MediaType.TEXT_HTML).build();
        } catch (BackendProblem refused) {
            if (refused.status() >= 500 || refused.status() == 403) {
                throw refused;
            }
            // dsr-service names the field and never quotes it, so its words are safe to show.
            return Response.status(422).type(MediaType.TEXT_HTML).entity(Templates.requestQueue(List.of(), noFilter,
                    new Search(by, "That is not a " + by + " we can search by: " + refused.message()), "requests"))
                    .build();
        }
    }

    /** Every request (closed ones too unless {@code includeClosed=false}) for audit, with who decided it and when. */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("status") String status, @QueryParam("type") String type,
                           @QueryParam("includeClosed") @DefaultValue("true") boolean includeClosed) {
        String csv = csv(rows(new QueueFilter(status, type, null, null, includeClosed)));
        return Response.ok(csv)
                .header("Content-Disposition", "attachment; filename=\"requests-" + LocalDate.now() + ".csv\"")
                .build();
    }

    /** The audit export of these queue rows (cells made safe for spreadsheets). */
    static String csv(List<Map<String, Object>> rows) {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (Map<String, Object> r : rows) {
            csv.append(String.join(",", Csv.cell(r.get("reference")), Csv.cell(r.get("receivedOn")),
                    Csv.cell(r.get("type")), Csv.cell(r.get("channel")), Csv.cell(r.get("status")),
                    Csv.cell(r.get("dueOn")), Csv.cell(r.get("decidedBy")), Csv.cell(r.get("decidedAt"))))
                    .append('\n');
        }
        return csv.toString();
    }

    private List<Map<String, Object>> rows(QueueFilter filter) {
        Boolean overdue = filter.overdue() == null || filter.overdue().isBlank() ? null
                : Boolean.valueOf(filter.overdue());
        return dsr.queue(blankToNull(filter.status()), blankToNull(filter.type()), overdue,
                blankToNull(filter.assignee()), filter.includeClosed(), 1000);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
