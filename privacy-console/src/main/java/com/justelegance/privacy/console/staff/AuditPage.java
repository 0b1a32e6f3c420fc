package com.justelegance.privacy.console.staff;

import com.justelegance.privacy.console.backend.ConsentApi;
import com.justelegance.privacy.console.backend.DisclosureApi;
import com.justelegance.privacy.console.backend.DsrApi;
import com.justelegance.privacy.console.backend.RetentionApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Map;

/**
 * Audit (privacy officer and auditors): each service's audit log, newest entries first, and whether its hash
 * chain is intact against the anchors kept outside its database. Each service is asked separately, so one that is
 * down shows "not available" and the others are still shown.
 */
@Path("/console/audit")
public class AuditPage {

    /** Entries shown per service unless asked for more. */
    static final int DEFAULT_ENTRIES = 25;
    static final int MAX_ENTRIES = 1000;

    /** One service's log and its verification. */
    @TemplateData
    public record ServiceAudit(String service, String anchor, PagePart<Map<String, Object>> verification,
                               PagePart<List<Map<String, Object>>> entries) {
    }

    private final Template audit;
    private final DsrApi dsr;
    private final ConsentApi consent;
    private final RetentionApi retention;
    private final DisclosureApi disclosure;
    private final StaffMember staff;

    public AuditPage(@Location("audit.html") Template audit, @RestClient DsrApi dsr, @RestClient ConsentApi consent,
                     @RestClient RetentionApi retention, @RestClient DisclosureApi disclosure, StaffMember staff) {
        this.staff = staff;
        this.audit = audit;
        this.dsr = dsr;
        this.consent = consent;
        this.retention = retention;
        this.disclosure = disclosure;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance view(@QueryParam("limit") String limit) {
        int entries = limit != null && limit.matches("\\d{1,4}")
                ? Math.max(1, Math.min(Integer.parseInt(limit), MAX_ENTRIES)) : DEFAULT_ENTRIES;
        // The audit logs are for the privacy officer and auditors; the page asks nothing for other roles.
        List<ServiceAudit> services = !staff.isReviewer() ? List.of() : List.of(
                new ServiceAudit("dsr-service", "audit-dsr", PagePart.of(dsr::auditVerification),
                        PagePart.of(() -> dsr.auditLog(entries))),
                new ServiceAudit("consent-service", "audit-consent", PagePart.of(consent::auditVerification),
                        PagePart.of(() -> consent.auditLog(entries))),
                new ServiceAudit("retention-service", "audit-retention", PagePart.of(retention::auditVerification),
                        PagePart.of(() -> retention.auditLog(entries))),
                new ServiceAudit("disclosure-service", "audit-disclosure",
                        PagePart.of(disclosure::auditVerification), PagePart.of(() -> disclosure.auditLog(entries))));
        return audit.data("services", services).data("reviewer", staff.isReviewer()).data("limit", entries).data("section", "audit");
    }
}
