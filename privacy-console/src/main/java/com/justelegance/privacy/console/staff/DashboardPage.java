package com.justelegance.privacy.console.staff;

import com.justelegance.privacy.console.backend.DisclosureApi;
import com.justelegance.privacy.console.backend.DsrApi;
import com.justelegance.privacy.console.backend.RetentionApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dashboard, the console's landing page: the open requests (due this week, overdue, paused) from dsr-service,
 * purges and erasures of the last 30 days (retention-service's run log, dsr-service's closed erasure cases), and
 * the Art. 19 notices outstanding (disclosure-service). Each figure comes from one call; a service that refuses
 * the role or is down makes that figure "not available", not the page.
 */
@Path("/console")
public class DashboardPage {

    /** How far back "recent" purges and erasures go. */
    static final int RECENT_DAYS = 30;
    /** The most rows the services hand out at once; the dashboard counts within that. */
    private static final int MAX_ROWS = 1000;

    private final Template dashboard;
    private final DsrApi dsr;
    private final RetentionApi retention;
    private final DisclosureApi disclosure;
    private final StaffMember staff;

    public DashboardPage(@Location("dashboard.html") Template dashboard, @RestClient DsrApi dsr,
                         @RestClient RetentionApi retention, @RestClient DisclosureApi disclosure,
                         StaffMember staff) {
        this.dashboard = dashboard;
        this.dsr = dsr;
        this.retention = retention;
        this.disclosure = disclosure;
        this.staff = staff;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        LocalDate today = LocalDate.now();
        Instant since = Instant.now().minus(Duration.ofDays(RECENT_DAYS));
        PagePart<DashboardFigures.Requests> requests = PagePart.of(() -> DashboardFigures.requests(
                dsr.queue(null, null, null, null, false, MAX_ROWS), today));
        PagePart<Integer> erasures = PagePart.of(() -> DashboardFigures.erasuresAnswered(
                dsr.queue(null, "ERASURE", null, null, true, MAX_ROWS), today.minusDays(RECENT_DAYS)));
        // The run log and the notices are for the privacy officer and auditors: others are not asked for them.
        PagePart<DashboardFigures.Purges> purges = PagePart.ifAllowed(staff.isReviewer(),
                () -> DashboardFigures.purges(retention.purgeRuns(500), since));
        PagePart<DashboardFigures.Notices> notices = PagePart.ifAllowed(staff.isReviewer(),
                () -> DashboardFigures.notices(disclosure.notices(null, false, MAX_ROWS)));

        Map<String, Integer> chart = new LinkedHashMap<>();
        if (requests.available()) {
            DashboardFigures.Requests r = requests.value();
            chart.put("Open requests", r.open());
            chart.put("Due this week", r.dueThisWeek());
            chart.put("Overdue", r.overdue());
            chart.put("Paused", r.paused());
        }
        if (notices.available()) {
            chart.put("Art. 19 notices outstanding", notices.value().outstanding());
        }
        return dashboard.data("requests", requests).data("erasures", erasures).data("purges", purges)
                .data("notices", notices).data("bars", DashboardFigures.bars(chart))
                .data("recentDays", RECENT_DAYS).data("section", "dashboard");
    }
}
