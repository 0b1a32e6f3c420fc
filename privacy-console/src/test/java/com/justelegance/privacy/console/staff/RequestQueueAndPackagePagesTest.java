package com.justelegance.privacy.console.staff;

import com.justelegance.privacy.console.security.StaffRole;
import com.justelegance.privacy.console.security.StaffUsers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The request queue's columns, its search (posted with the CSRF token; the address typed goes to dsr-service in a
 * POST body and never back into the page), its audit CSV, and reviewing an access package before releasing it,
 * against a real HTTP stand-in for dsr-service ({@link DsrStandIn}).
 */
@QuarkusTest
@WithTestResource(DsrStandIn.class)
class RequestQueueAndPackagePagesTest {

    private static final String EMAIL = "amelia.hughes@example.com";

    @Inject
    StaffUsers users;

    DsrStandIn dsr;

    private String session;

    @BeforeEach
    void signedInAsTheOfficer() {
        RestAssured.config = RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
        users.save("queue-officer", StaffRole.PRIVACY_OFFICER, "right-password-1");
        session = given().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "queue-officer").formParam("j_password", "right-password-1")
                .post("/console/j_security_check").getCookie("console-session");
        dsr.forget();
    }

    @Test
    void theQueueShowsDaysLeftPausedExtendedOverdueAndAssignee() {
        String page = signedIn().get("/console/requests").then().statusCode(200).extract().asString();
        Response queue = signedIn().get("/console/requests");
        String extendedRow = "**.find { it.@id == 'row-DSR-2026-000101' }";
        assertThat(queue.htmlPath().getString(extendedRow + ".td.find { it.'@data-column' == 'days-left' }"),
                equalTo("12"));
        assertThat(queue.htmlPath().getString(extendedRow + ".td.find { it.'@data-column' == 'extended' }"),
                equalTo("extended"));
        assertThat(queue.htmlPath().getString(extendedRow + ".td.find { it.'@data-column' == 'assignee' }"),
                equalTo("agent-7"));
        assertThat(queue.htmlPath().getString(
                "**.find { it.@id == 'row-DSR-2026-000103' }.td.find { it.'@data-column' == 'paused' }"),
                equalTo("paused"));
        assertThat(page, containsString("id=\"request-search\""));
    }

    @Test
    void aSearchByEmailIsPostedWithItsTokenAndTheAddressNeverComesBack() {
        String body = withCsrf(signedIn()).formParam("query", " " + EMAIL + " ")
                .post("/console/requests/search").then().statusCode(200)
                .extract().asString();

        assertThat(body, containsString("DSR-2026-000101"));
        assertThat(body, containsString("found by e-mail address"));
        assertThat(body, not(containsString(EMAIL)));
        DsrStandIn.Call search = dsr.calls().stream().filter(c -> c.target().startsWith("/api/v1/requests/search"))
                .findFirst().orElseThrow();
        assertThat(search.method(), equalTo("POST"));
        assertThat(search.target(), equalTo("/api/v1/requests/search"));
        assertThat(search.body(), equalTo("{\"email\":\"" + EMAIL + "\"}"));

        withCsrf(signedIn()).formParam("query", "DSR-2026-000101").post("/console/requests/search")
                .then().statusCode(200);
        assertThat(dsr.calls().stream().map(DsrStandIn.Call::body).toList(),
                hasItem("{\"reference\":\"DSR-2026-000101\"}"));
    }

    @Test
    void aRefusedOrEmptySearchSaysWhyWithoutTheValueAndNoTokenIsRefused() {
        String refused = withCsrf(signedIn()).formParam("query", "@" + EMAIL).post("/console/requests/search")
                .then().statusCode(422).extract().asString();
        assertThat(refused, containsString("id=\"search-error\""));
        assertThat(refused, not(containsString(EMAIL)));
        withCsrf(signedIn()).formParam("query", "  ").post("/console/requests/search").then().statusCode(422);

        dsr.forget();
        signedIn().contentType("application/x-www-form-urlencoded").formParam("query", EMAIL)
                .post("/console/requests/search").then().statusCode(400);
        assertThat(dsr.calls(), equalTo(List.of()));
    }

    @Test
    void theAuditCsvListsEveryRequestWithWhoDecidedItAndWhen() {
        String[] lines = signedIn().get("/console/requests/export.csv").then().statusCode(200)
                .extract().asString().split("\n");

        assertThat(lines[0], equalTo("reference,received,type,channel,status,due,decided by,decided when"));
        assertThat(lines[2], equalTo(
                "DSR-2026-000102,2026-02-01,ERASURE,PHONE,COMPLETED,2026-03-02,\"'=officer-1\",2026-02-20T10:00:00Z"));
        assertThat(dsr.calls().get(0).target(), containsString("includeClosed=true"));
    }

    @Test
    void thePreviewShowsEachSourceAndWhatIsWithheldAndReleaseSendsIt() {
        Response page = signedIn().get("/console/requests/" + DsrStandIn.CASE_ID + "/access-package");
        page.then().statusCode(200);
        String html = page.asString();
        assertThat(html, containsString("id=\"section-storefront\""));
        assertThat(html, containsString("Your account and orders"));
        assertThat(html, containsString("Amelia"));
        assertThat(html, containsString("NOTHING_HELD"));
        assertThat(page.htmlPath().getString("**.find { it.@id == 'package-withheld' }"),
                containsString("West Midlands Police"));
        assertThat(html, containsString("id=\"release-package\""));

        withCsrf(signedIn()).post("/console/requests/" + DsrStandIn.CASE_ID + "/access-package/release")
                .then().statusCode(303)
                .header("Location", endsWith("/console/requests/" + DsrStandIn.CASE_ID + "?done=access-package"));
        assertThat(dsr.calls().stream().map(c -> c.method() + " " + c.target()).toList(),
                hasItem("POST /api/v1/requests/" + DsrStandIn.CASE_ID + "/access-package/release"));
    }

    @Test
    void preparingForReviewAsksForNoReleaseAndTheRequestPagesOwnPrepareStillSendsAtOnce() {
        withCsrf(signedIn()).post("/console/requests/" + DsrStandIn.CASE_ID + "/access-package/prepare")
                .then().statusCode(303)
                .header("Location", endsWith("/console/requests/" + DsrStandIn.CASE_ID + "/access-package"));
        withCsrf(signedIn()).post("/console/requests/" + DsrStandIn.CASE_ID + "/access-package")
                .then().statusCode(303)
                .header("Location", endsWith("/console/requests/" + DsrStandIn.CASE_ID + "?done=access-package"));

        assertThat(dsr.calls().stream().filter(c -> c.method().equals("POST")).map(DsrStandIn.Call::target).toList(),
                contains("/api/v1/requests/" + DsrStandIn.CASE_ID + "/access-package?release=false",
                        "/api/v1/requests/" + DsrStandIn.CASE_ID + "/access-package"));
        signedIn().get("/console/requests/" + DsrStandIn.UNKNOWN_CASE_ID + "/access-package").then().statusCode(404);
        signedIn().contentType("application/x-www-form-urlencoded")
                .post("/console/requests/" + DsrStandIn.CASE_ID + "/access-package/release").then().statusCode(400);
    }

    private RequestSpecification signedIn() {
        return given().cookie("console-session", session);
    }

    /** A form post carrying the CSRF cookie and field, as the page's own form sends them. */
    private RequestSpecification withCsrf(RequestSpecification request) {
        Response page = signedIn().get("/console/sign-in");
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        return request.cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token);
    }
}
