package com.justelegance.privacy.console.staff;

import com.justelegance.privacy.console.backend.BackendProblem;
import com.justelegance.privacy.console.backend.RetentionApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;

/**
 * Retention (privacy officer and auditors): the rules in force and their history, a dry-run preview of the purge
 * for the coming days, the purge run log, and for the privacy officer a manual run. A manual run erases people's
 * data, so it takes two posts: the first asks "are you sure", the second, with {@code confirm=yes}, runs it.
 */
@Path("/console/retention")
public class RetentionPage {

    /** The longest preview window retention-service accepts, in days. */
    static final int MAX_PREVIEW_DAYS = 3660;

    private final Template retentionPage;
    private final RetentionApi retention;
    private final StaffMember staff;

    public RetentionPage(@Location("retention.html") Template retentionPage, @RestClient RetentionApi retention,
                         StaffMember staff) {
        this.retentionPage = retentionPage;
        this.retention = retention;
        this.staff = staff;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance view(@QueryParam("days") String days, @QueryParam("done") String done) {
        return page(previewDays(days), "purge".equals(done) ? "The purge ran; its outcome is the newest run below."
                : null, null, false);
    }

    @POST
    @Path("/purge-runs")
    @Produces(MediaType.TEXT_HTML)
    public Response runPurge(@FormParam("confirm") String confirm) {
        if (!"yes".equals(confirm)) {
            return Response.ok(page(0, null, null, true), MediaType.TEXT_HTML).build();
        }
        try {
            retention.runPurge();
        } catch (BackendProblem refused) {
            return Response.status(refused.status() >= 500 ? 503 : 422).type(MediaType.TEXT_HTML)
                    .entity(page(0, null, refused.message(), false)).build();
        }
        return Response.seeOther(URI.create("/console/retention?done=purge")).build();
    }

    private TemplateInstance page(int days, String notice, String error, boolean confirming) {
        // Only the privacy officer and auditors may read retention; others are not sent to ask.
        boolean reviewer = staff.isReviewer();
        return retentionPage.data("days", days).data("confirming", confirming)
                .data("rules", PagePart.ifAllowed(reviewer, retention::rules))
                .data("history", PagePart.ifAllowed(reviewer, retention::ruleHistory))
                .data("preview", PagePart.ifAllowed(reviewer, () -> retention.purgePreview(days, 100)))
                .data("runs", PagePart.ifAllowed(reviewer, () -> retention.purgeRuns(20)))
                .data("notice", notice).data("error", error).data("section", "retention");
    }

    /** The preview window from the query: a whole number of days in range, else today only. */
    static int previewDays(String days) {
        if (days == null || !days.strip().matches("\\d{1,4}")) {
            return 0;
        }
        return Math.min(Integer.parseInt(days.strip()), MAX_PREVIEW_DAYS);
    }
}
