package com.justelegance.privacy.console.staff;

import com.justelegance.privacy.console.backend.ConsentApi;
import com.justelegance.privacy.events.EventFieldRules;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Consent (consent-service): the purpose catalogue, the registered privacy-policy versions, and the consents given
 * under a version older than the latest significant one, a page of subjects at a time (privacy officer and
 * auditors), so that those people can be asked again.
 */
@Path("/console/consent")
public class ConsentPage {

    /** Subjects per page of the stale-consent report. */
    static final int STALE_PAGE = 100;

    private final Template consentPage;
    private final ConsentApi consent;
    private final StaffMember staff;

    public ConsentPage(@Location("consent.html") Template consentPage, @RestClient ConsentApi consent,
                       StaffMember staff) {
        this.consentPage = consentPage;
        this.consent = consent;
        this.staff = staff;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance view(@QueryParam("after") String after) {
        // A cursor that is not a subject id cannot come from the page's own link: start from the beginning.
        String cursor = after != null && after.matches(EventFieldRules.OPAQUE_ID_PATTERN) ? after : null;
        return consentPage.data("purposes", PagePart.of(consent::purposes))
                .data("versions", PagePart.of(consent::policyVersions))
                .data("stale", PagePart.ifAllowed(staff.isReviewer(), () -> consent.staleConsents(cursor, STALE_PAGE)))
                .data("section", "consent");
    }
}
