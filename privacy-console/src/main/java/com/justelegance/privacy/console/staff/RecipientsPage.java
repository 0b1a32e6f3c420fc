package com.justelegance.privacy.console.staff;

import com.justelegance.privacy.console.backend.DisclosureApi;
import com.justelegance.privacy.console.web.Csv;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Recipients: disclosure-service's registry of third parties, what went to one recipient in a period, the open and
 * overdue Art. 19 notices, and the Art. 30 summary (recipients and their volumes, by month) with a CSV export of it.
 * Customer service sees the registry; the rest is for the privacy officer and auditors.
 */
@Path("/console/recipients")
public class RecipientsPage {

    /** The period shown when none is chosen: the last 30 days. */
    static final int DEFAULT_PERIOD_DAYS = 30;

    /** The period chosen, from..to inclusive; the Art. 30 summary covers their months. */
    public record Period(LocalDate from, LocalDate to) {

        /** The period from the query, or the last 30 days; dates that cannot be read or run backwards fall back. */
        static Period of(String from, String to, LocalDate today) {
            try {
                LocalDate end = to == null || to.isBlank() ? today : LocalDate.parse(to.strip());
                LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_PERIOD_DAYS)
                        : LocalDate.parse(from.strip());
                return start.isAfter(end) ? new Period(end, end) : new Period(start, end);
            } catch (DateTimeParseException unreadable) {
                return new Period(today.minusDays(DEFAULT_PERIOD_DAYS), today);
            }
        }

        String fromMonth() {
            return YearMonth.from(from).toString();
        }

        String toMonth() {
            return YearMonth.from(to).toString();
        }
    }

    private final Template recipients;
    private final DisclosureApi disclosure;
    private final StaffMember staff;

    public RecipientsPage(@Location("recipients.html") Template recipients, @RestClient DisclosureApi disclosure,
                          StaffMember staff) {
        this.recipients = recipients;
        this.disclosure = disclosure;
        this.staff = staff;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance view(@QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("recipient") String recipient) {
        Period period = Period.of(from, to, LocalDate.now());
        boolean reviewer = staff.isReviewer();
        String chosen = recipient == null || recipient.isBlank() ? null : recipient.strip();
        return recipients.data("from", period.from()).data("to", period.to()).data("recipient", chosen)
                .data("fromMonth", period.fromMonth()).data("toMonth", period.toMonth())
                .data("registry", PagePart.of(disclosure::recipients))
                .data("disclosures", chosen == null ? null : PagePart.ifAllowed(reviewer,
                        () -> disclosure.disclosuresTo(chosen, period.from().toString(), period.to().toString(), 1000)))
                .data("openNotices", PagePart.ifAllowed(reviewer, () -> openNotices(disclosure.notices(null, false, 1000))))
                .data("overdueNotices", PagePart.ifAllowed(reviewer, () -> disclosure.notices(null, true, 1000)))
                .data("summary", PagePart.ifAllowed(reviewer,
                        () -> disclosure.summary(period.fromMonth(), period.toMonth())))
                .data("section", "recipients");
    }

    /** The Art. 30 summary for the period's months as CSV, one row per recipient. */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
        Period period = Period.of(from, to, LocalDate.now());
        Map<String, Object> summary = disclosure.summary(period.fromMonth(), period.toMonth());
        return Response.ok(summaryCsv(summary))
                .header("Content-Disposition", "attachment; filename=\"recipients-" + period.fromMonth() + "-to-"
                        + period.toMonth() + ".csv\"")
                .build();
    }

    /** The notices not closed yet (delivering, a task for a person, or sent and awaiting acknowledgement). */
    static List<Map<String, Object>> openNotices(List<Map<String, Object>> notices) {
        return notices.stream()
                .filter(n -> List.of("DELIVERING", "TASK_OPEN", "SENT").contains(String.valueOf(n.get("status"))))
                .toList();
    }

    /** disclosure-service's Art. 30 summary as CSV: the registry's terms and the volumes, per recipient. */
    @SuppressWarnings("unchecked")
    static String summaryCsv(Map<String, Object> summary) {
        StringBuilder csv = new StringBuilder("from,to,recipient,name,category,role,purpose,lawful_basis,country,"
                + "transfer_safeguard,registered_data_categories,disclosures,anonymised_disclosures,"
                + "disclosures_per_category\n");
        Object rows = summary.get("recipients");
        for (Map<String, Object> r : rows instanceof List<?> list ? (List<Map<String, Object>>) list
                : List.<Map<String, Object>>of()) {
            Object categories = r.get("registeredDataCategories");
            Object perCategory = r.get("disclosuresPerCategory");
            csv.append(String.join(",", Csv.cell(summary.get("from")), Csv.cell(summary.get("to")),
                    Csv.cell(r.get("code")), Csv.cell(r.get("displayName")), Csv.cell(r.get("category")),
                    Csv.cell(r.get("role")), Csv.cell(r.get("purpose")), Csv.cell(r.get("lawfulBasis")),
                    Csv.cell(r.get("country")), Csv.cell(r.get("transferSafeguard")),
                    Csv.cell(categories instanceof List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList())
                            : null),
                    Csv.cell(r.get("disclosures")), Csv.cell(r.get("anonymisedDisclosures")),
                    Csv.cell(perCategory instanceof Map<?, ?> m ? String.join(" ", m.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).toList()) : null)))
                    .append('\n');
        }
        return csv.toString();
    }
}
