package com.justelegance.privacy.console.staff;

import com.justelegance.privacy.console.backend.DsrApi;
import com.justelegance.privacy.console.web.Csv;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The request queue: every open request, soonest due first, with filters (status, type, overdue, assignee) and a
 * search by reference; a CSV export of the same rows for audit.
 */
@Path("/console/requests")
public class RequestQueuePage {

    /** The queue's filters, as the form submitted them (empty: any). */
    public record QueueFilter(String status, String type, String overdue, String assignee, String reference,
                              boolean includeClosed) {

        boolean matches(Map<String, Object> row) {
            return reference == null || reference.isBlank()
                    || reference.strip().equalsIgnoreCase(String.valueOf(row.get("reference")));
        }
    }

    /** One row of the queue, with the days left worked out for today. */
    public record QueueRow(Map<String, Object> request, Long daysLeft) {
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance requestQueue(List<QueueRow> rows, QueueFilter filter, String section);
    }

    private final DsrApi dsr;

    public RequestQueuePage(@RestClient DsrApi dsr) {
        this.dsr = dsr;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("type") String type,
                                  @QueryParam("overdue") String overdue, @QueryParam("assignee") String assignee,
                                  @QueryParam("reference") String reference,
                                  @QueryParam("includeClosed") boolean includeClosed) {
        QueueFilter filter = new QueueFilter(status, type, overdue, assignee, reference, includeClosed);
        return Templates.requestQueue(rows(filter), filter, "requests");
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("status") String status, @QueryParam("type") String type,
                           @QueryParam("includeClosed") boolean includeClosed) {
        StringBuilder csv = new StringBuilder("reference,received,type,channel,status,due,assignee\n");
        for (QueueRow row : rows(new QueueFilter(status, type, null, null, null, includeClosed))) {
            Map<String, Object> r = row.request();
            csv.append(String.join(",", Csv.cell(r.get("reference")), Csv.cell(r.get("receivedOn")),
                    Csv.cell(r.get("type")), Csv.cell(r.get("channel")), Csv.cell(r.get("status")),
                    Csv.cell(r.get("dueOn")), Csv.cell(r.get("assignee")))).append('\n');
        }
        return Response.ok(csv.toString())
                .header("Content-Disposition", "attachment; filename=\"requests-" + LocalDate.now() + ".csv\"")
                .build();
    }

    private List<QueueRow> rows(QueueFilter filter) {
        Boolean overdue = filter.overdue() == null || filter.overdue().isBlank() ? null
                : Boolean.valueOf(filter.overdue());
        LocalDate today = LocalDate.now();
        return dsr.queue(blankToNull(filter.status()), blankToNull(filter.type()), overdue,
                        blankToNull(filter.assignee()), filter.includeClosed(), 1000).stream()
                .filter(filter::matches)
                .map(r -> new QueueRow(r, r.get("dueOn") == null ? null
                        : ChronoUnit.DAYS.between(today, LocalDate.parse(r.get("dueOn").toString()))))
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
