package com.justelegance.privacy.dsr.cases;

import com.icegreen.greenmail.util.GreenMail;
import com.justelegance.privacy.dsr.DsrApi;
import com.justelegance.privacy.dsr.SentLetters;
import com.justelegance.privacy.dsr.access.DataSourceStandIns;
import com.justelegance.privacy.dsr.service.AccessPackages;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.LogCapture;
import com.justelegance.privacy.testing.InjectMailServer;
import com.justelegance.privacy.testing.TestClock;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Access and portability cases answered with a package: gathered over HTTP from every source, kept encrypted, and
 * downloaded by the requester with the link alone. The sources are the small real HTTP servers of
 * {@link DataSourceStandIns} (the other services do not run in this module's tests), answering recorded documents
 * shaped as the real services answer and checking dsr-service's token as they do; nothing of dsr-service is mocked.
 */
@QuarkusTest
class AccessPackageTest {

    private static final String PROBLEMS = "https://privacy.justelegance.com/problems/";

    @Inject
    TestClock clock;

    @Inject
    AccessPackages packages;

    @InjectMailServer
    GreenMail mailServer;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aPackageHoldsEverySourceAndTheSupplementaryInformationWithoutWhatIsWithheld() {
        String subject = DsrApi.newSubject();
        String id = verifiedCase("ACCESS", subject);

        ValidatableResponse prepared = prepare(id).statusCode(200)
                .body("complete", equalTo(true))
                .body("missingSources", hasSize(0))
                .body("link", equalTo("ACTIVE"))
                .body("withheldCount", equalTo(1))
                .body("withheld[0].reference", equalTo("WMP-2026-0042"))
                .body("downloadUrl", startsWith("http"));
        String token = tokenOf(prepared);
        String requester = DsrApi.view(id).extract().path("requester.email");
        SentLetters.awaitLetter(mailServer, requester, prepared.extract().<String>path("downloadUrl"));
        DsrApi.view(id).body("status", equalTo("IN_PROGRESS"))
                .body("trail.action", hasItems("access-package-prepared", "letter-sent:COMPLETION"));

        String json = download(token, null, null).statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body("complete", equalTo(true))
                .body("subjectId", equalTo(subject))
                .body("sections.storefront.outcome", equalTo("INCLUDED"))
                .body("sections.storefront.data.categories.category",
                        contains("identity", "contact", "addresses", "orders", "preferences"))
                .body("sections.'consent-service'.data.currentConsents[0].purpose", equalTo("EMAIL_MARKETING"))
                .body("sections.'retention-service'.data.erasureDueAt", equalTo("2032-02-11T18:03:10Z"))
                .body("sections.'disclosure-service'.data.recipient", contains("DPD"))
                .body("supplementaryInformation.purposes.purpose",
                        hasItem("To deliver your orders and address your invoices"))
                .body("supplementaryInformation.categoriesOfData", hasItem("DELIVERY_ADDRESS"))
                .body("supplementaryInformation.recipients.name", contains("DPD UK"))
                .body("supplementaryInformation.retention.period",
                        hasItem(containsString("due to be deleted on 11 February 2032")))
                .body("supplementaryInformation.sourcesOfData.source",
                        hasItem("You, when you registered or placed an order"))
                .body("supplementaryInformation.rights.right", contains("Rectification", "Erasure",
                        "Restriction", "Objection", "Portability", "Withdrawing consent"))
                .body("supplementaryInformation.complaint.url", equalTo("https://ico.org.uk/make-a-complaint/"))
                .body("supplementaryInformation.complaint.phone", equalTo("0303 123 1113"))
                .extract().asString();
        // The disclosure withheld under DPA 2018 Sch. 2 para. 2, and the officer's note, never reach the requester.
        assertThat(json, not(containsString("West Midlands Police")));
        assertThat(json, not(containsString("WMP-2026-0042")));
        assertThat(json, not(containsString("Production order")));
        assertThat(json, not(containsString("withheldFromSubject")));
    }

    @Test
    void aPackageKeptForReviewIsPreviewedWithWhatIsWithheldAndOnlyReleasedOnce() {
        String subject = DsrApi.newSubject();
        String id = verifiedCase("ACCESS", subject);
        String requester = DsrApi.view(id).extract().path("requester.email");

        DsrApi.officer(id, "access-package?release=false", null).statusCode(200)
                .body("complete", equalTo(true))
                .body("link", equalTo("AWAITING_RELEASE"))
                .body("downloadUrl", nullValue());
        DsrApi.view(id).body("trail.action", hasItem("access-package-prepared-for-review"))
                .body("trail.action", not(hasItem("letter-sent:COMPLETION")));
        status(Roles.CUSTOMER_SERVICE, id).statusCode(200).body("link", equalTo("AWAITING_RELEASE"));

        preview(id).statusCode(200)
                .body("caseReference", equalTo(DsrApi.view(id).extract().path("reference")))
                .body("link", equalTo("AWAITING_RELEASE"))
                .body("document.subjectId", equalTo(subject))
                .body("document.sections.storefront.outcome", equalTo("INCLUDED"))
                .body("document.sections.'disclosure-service'.data.recipient", contains("DPD"))
                .body("withheldFromRequester[0].reference", equalTo("WMP-2026-0042"))
                .body("withheldFromRequester[0].recipientName", equalTo("West Midlands Police"));
        // What is withheld is listed apart for the officer; the document the requester would get does not hold it.
        String document = preview(id).extract().jsonPath().get("document").toString();
        assertThat(document, containsString("DPD"));
        assertThat(document, not(containsString("West Midlands Police")));
        assertThat(document, not(containsString("WMP-2026-0042")));

        ValidatableResponse released = release(id).statusCode(200)
                .body("link", equalTo("ACTIVE"))
                .body("downloadUrl", startsWith("http"));
        String url = released.extract().path("downloadUrl");
        SentLetters.awaitLetter(mailServer, requester, url);
        DsrApi.view(id).body("trail.action", hasItems("access-package-released", "letter-sent:COMPLETION"));
        download(tokenOf(released), null, null).statusCode(200).body("subjectId", equalTo(subject));

        release(id).statusCode(409).body("type", equalTo(PROBLEMS + "access-package-not-releasable"));
    }

    @Test
    void onlyACompletePackageKeptForReviewAndNotTooLongIsReleased() {
        String neverPrepared = verifiedCase("ACCESS", DsrApi.newSubject());
        release(neverPrepared).statusCode(409).body("type", equalTo(PROBLEMS + "access-package-not-releasable"));
        preview(neverPrepared).statusCode(404).body("type", equalTo(PROBLEMS + "access-package-not-prepared"));

        String incomplete = verifiedCase("ACCESS", "down-storefront-" + UUID.randomUUID());
        DsrApi.officer(incomplete, "access-package?release=false", null).statusCode(200)
                .body("complete", equalTo(false)).body("link", equalTo("NOT_ISSUED"));
        release(incomplete).statusCode(409).body("type", equalTo(PROBLEMS + "access-package-not-releasable"));

        String sentAtOnce = verifiedCase("ACCESS", DsrApi.newSubject());
        prepare(sentAtOnce).statusCode(200).body("link", equalTo("ACTIVE"));
        release(sentAtOnce).statusCode(409);

        String keptTooLong = verifiedCase("ACCESS", DsrApi.newSubject());
        DsrApi.officer(keptTooLong, "access-package?release=false", null).statusCode(200);
        clock.moveForward(Duration.ofDays(8));
        release(keptTooLong).statusCode(409).body("type", equalTo(PROBLEMS + "access-package-not-releasable"));
        packages.purgeExpired();
        preview(keptTooLong).statusCode(404);
        status(Roles.PRIVACY_OFFICER, keptTooLong).body("link", equalTo("PURGED"));

        String undecided = verifiedCase("ACCESS", DsrApi.newSubject());
        DsrApi.officer(undecided, "access-package?release=maybe", null).statusCode(400)
                .body("errors.field", hasItem(containsString("release")));
        status(Roles.PRIVACY_OFFICER, undecided).statusCode(404);
        release(UUID.randomUUID().toString()).statusCode(404);
    }

    @Test
    void theReportIsHtmlWithTheIcoDetailsAndAPdfOfTheSame() {
        String id = verifiedCase("PORTABILITY", DsrApi.newSubject());
        String token = tokenOf(prepare(id).statusCode(200));

        String html = download(token, null, "text/html").statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        assertThat(html, containsString("https://ico.org.uk/make-a-complaint/"));
        assertThat(html, containsString("0303 123 1113"));
        assertThat(html, containsString("Amelia"));
        assertThat(html, containsString("DPD UK"));
        assertThat(html, not(containsString("West Midlands Police")));

        byte[] pdf = download(token, "pdf", null).statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII), equalTo("%PDF-"));
    }

    @Test
    void theLinkWorksThreeTimesThenIsRefusedAndThePackageIsPurged() {
        String id = verifiedCase("ACCESS", DsrApi.newSubject());
        String token = tokenOf(prepare(id).statusCode(200));

        download(token, "json", null).statusCode(200);
        download(token, "html", null).statusCode(200);
        download(token, "pdf", null).statusCode(200);
        download(token, "json", null).statusCode(410).body("type", equalTo(PROBLEMS + "access-link-expired"));

        status(Roles.PRIVACY_OFFICER, id).statusCode(200).body("downloads", equalTo(3))
                .body("link", equalTo("USED_UP"));
        packages.purgeExpired();
        status(Roles.PRIVACY_OFFICER, id).statusCode(200).body("link", equalTo("PURGED"))
                .body("purgedAt", notNullValue())
                .body("withheld[0].reference", equalTo("WMP-2026-0042")); // kept for the officer
        download(token, "json", null).statusCode(410);
    }

    @Test
    void anExpiredLinkIsRefused() {
        String id = verifiedCase("ACCESS", DsrApi.newSubject());
        String token = tokenOf(prepare(id).statusCode(200));

        clock.moveForward(Duration.ofDays(8));
        download(token, null, null).statusCode(410).body("type", equalTo(PROBLEMS + "access-link-expired"));
        status(Roles.PRIVACY_OFFICER, id).body("link", equalTo("EXPIRED")).body("downloads", equalTo(0));
    }

    @Test
    void aLinkThatIsNotOneOfOursIsNotFound() {
        String forged = "A".repeat(43);
        download(forged, null, null).statusCode(404).body("type", equalTo(PROBLEMS + "access-link-not-found"))
                .body("detail", not(containsString(forged)));
        download("short", null, null).statusCode(404);
        String token = tokenOf(prepare(verifiedCase("ACCESS", DsrApi.newSubject())).statusCode(200));
        download(token, "docx", null).statusCode(400).body("errors.field", contains("format"));
    }

    @Test
    void aSourceThatIsDownMakesThePackageIncompleteAndNamesIt() {
        String id = verifiedCase("ACCESS", "down-storefront-" + UUID.randomUUID());

        prepare(id).statusCode(200)
                .body("complete", equalTo(false))
                .body("missingSources", contains("storefront"))
                .body("sources.find { it.source == 'storefront' }.outcome", equalTo("MISSING"))
                .body("sources.find { it.source == 'storefront' }.reason", equalTo("HTTP 503"))
                .body("sources.find { it.source == 'consent-service' }.outcome", equalTo("INCLUDED"))
                .body("link", equalTo("NOT_ISSUED"))
                .body("downloadUrl", nullValue());
        DsrApi.view(id).body("trail.action", hasItem("access-package-incomplete"));
        status(Roles.CUSTOMER_SERVICE, id).statusCode(200).body("missingSources", contains("storefront"))
                .body("withheldCount", equalTo(1)).body("withheld", nullValue());
    }

    @Test
    void aSubjectNoSourceKnowsGetsACompletePackageSayingSo() {
        String id = verifiedCase("ACCESS", "unknown-" + UUID.randomUUID());
        String token = tokenOf(prepare(id).statusCode(200).body("complete", equalTo(true)));
        download(token, null, null).statusCode(200)
                .body("sections.storefront.outcome", equalTo("NOTHING_HELD"))
                .body("sections.'retention-service'.outcome", equalTo("NOTHING_HELD"))
                .body("supplementaryInformation.recipients", hasSize(0));
    }

    @Test
    void onlyAVerifiedAccessOrPortabilityCaseWithASubjectGetsAPackage() {
        String erasure = DsrApi.openCase("ERASURE", email(), "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
        verifyIdentity(erasure);
        prepare(erasure).statusCode(409).body("type", equalTo(PROBLEMS + "case-status-conflict"));

        String unverified = DsrApi.openCase("ACCESS", email(), "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
        prepare(unverified).statusCode(409).body("detail", containsString("identity"));

        String noSubject = DsrApi.openCase("ACCESS", email(), null);
        verifyIdentity(noSubject);
        prepare(noSubject).statusCode(409).body("detail", containsString("subject"));

        status(Roles.PRIVACY_OFFICER, noSubject).statusCode(404)
                .body("type", equalTo(PROBLEMS + "access-package-not-prepared"));
        prepare(UUID.randomUUID().toString()).statusCode(404);
    }

    @Test
    void nothingPersonalReachesTheLogs() {
        String subject = DsrApi.newSubject();
        try (LogCapture logs = LogCapture.start()) {
            String token = tokenOf(prepare(verifiedCase("ACCESS", subject)).statusCode(200));
            download(token, "pdf", null).statusCode(200);
            prepare(verifiedCase("ACCESS", "down-storefront-" + UUID.randomUUID())).statusCode(200);
            for (String personal : List.of(subject, "Amelia", "Hughes", "07700", "Station Road", "LS6 2AB",
                    "West Midlands", token)) {
                assertThat(logs.lines(), everyItem(not(containsString(personal))));
            }
        }
    }

    /** An open case of this type about this subject, the requester's identity verified. */
    private static String verifiedCase(String type, String subject) {
        String id = DsrApi.openCase(type, email(), "\"subjectId\": \"" + subject + "\"");
        verifyIdentity(id);
        return id;
    }

    private static void verifyIdentity(String id) {
        DsrApi.officer(id, "identity-checks", "{\"method\": \"DOCUMENT\", \"outcome\": \"VERIFIED\"}")
                .statusCode(200);
    }

    private static ValidatableResponse prepare(String id) {
        return DsrApi.officer(id, "access-package", null);
    }

    private static ValidatableResponse preview(String id) {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/requests/{id}/access-package/preview", id).then();
    }

    private static ValidatableResponse release(String id) {
        return DsrApi.officer(id, "access-package/release", null);
    }

    private static ValidatableResponse status(String role, String id) {
        return given().header("Authorization", TestTokens.bearer(role))
                .when().get("/api/v1/requests/{id}/access-package", id).then();
    }

    /** A download as the requester makes it: no token, only the link; a format by query, Accept, or neither. */
    private static ValidatableResponse download(String token, String format, String accept) {
        var request = given();
        if (format != null) {
            request = request.queryParam("format", format);
        }
        if (accept != null) {
            request = request.accept(accept);
        }
        return request.when().get("/api/v1/access-packages/{token}", token).then();
    }

    private static String tokenOf(ValidatableResponse prepared) {
        String url = prepared.extract().path("downloadUrl");
        assertThat(url, notNullValue());
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String email() {
        return "access." + UUID.randomUUID() + "@example.com";
    }
}
