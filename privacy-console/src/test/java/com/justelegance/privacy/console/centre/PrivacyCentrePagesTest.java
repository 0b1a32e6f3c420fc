package com.justelegance.privacy.console.centre;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The privacy centre's pages without the services behind them (nothing listens at their addresses in tests): the
 * public pages render with the retailer's contacts and the ICO on each, forms without their CSRF token are refused,
 * a public POST past its rate limit gets the 429 page, and a session cookie that was tampered with signs nobody in.
 */
@QuarkusTest
class PrivacyCentrePagesTest {

    @Inject
    ShopperSessions sessions;

    @BeforeEach
    void noRedirects() {
        RestAssured.config = RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
    }

    @Test
    void everyPublicPageRendersWithTheContactsAndTheIco() {
        for (String path : List.of("/privacy-centre", "/privacy-centre/requests/new",
                "/privacy-centre/preferences/sign-in")) {
            given().get(path).then().statusCode(200)
                    .body(containsString("privacy@justelegance.example"))
                    .body(containsString("1 Example Street"))
                    .body(containsString("You can complain to the ICO: ico.org.uk/make-a-complaint, 0303 123 1113"));
        }
        given().get("/privacy-centre/requests/new").then()
                .body(containsString("id=\"type-ACCESS\""))
                .body(containsString("id=\"type-PORTABILITY\""))
                .body(containsString("id=\"type-ERASURE\""))
                .body(containsString("id=\"type-CONSENT_WITHDRAWAL\""))
                .body(containsString("<label class=\"govuk-label\" for=\"email\""))
                .body(containsString("id=\"send-request\""));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        given().contentType("application/x-www-form-urlencoded")
                .formParam("type", "ACCESS").formParam("email", "ann@example.com")
                .post("/privacy-centre/requests/new")
                .then().statusCode(400).body(not(containsString("ann@example.com")));
    }

    @Test
    void aRequestWithoutARightOrAddressShowsTheErrorSummary() {
        Csrf csrf = Csrf.from(given().get("/privacy-centre/requests/new"));
        csrf.post("/privacy-centre/requests/new", "email", "")
                .then().statusCode(400)
                .body(containsString("There is a problem"))
                .body(containsString("id=\"type-error\""))
                .body(containsString("id=\"email-error\""));
    }

    @Test
    void pastItsRateLimitAPublicPostGetsThe429Page() {
        // The limit is lowered to 3 for tests; dsr-service is not there, so the allowed calls are 503 pages.
        Csrf csrf = Csrf.from(given().get("/privacy-centre/preferences/sign-in"));
        boolean limited = false;
        for (int i = 0; i < 5 && !limited; i++) {
            Response answer = csrf.post("/privacy-centre/preferences/sign-in", "email", "ann@example.com");
            assertTrue(answer.statusCode() == 503 || answer.statusCode() == 429, "status " + answer.statusCode());
            limited = answer.statusCode() == 429;
            if (limited) {
                answer.then().body(containsString("Too many attempts")).header("Retry-After", "60")
                        .body(containsString("ico.org.uk/make-a-complaint"));
            }
        }
        assertTrue(limited, "no 429 within 5 calls");
    }

    @Test
    void aTamperedOrForeignSessionCookieSignsNobodyIn() {
        String genuine = sessions.start("sub-ann", false).getValue();
        char last = genuine.charAt(genuine.length() - 5);
        String tampered = genuine.substring(0, genuine.length() - 5) + (last == 'A' ? 'B' : 'A')
                + genuine.substring(genuine.length() - 4);
        for (String cookie : List.of(tampered, "not-a-session", "")) {
            given().cookie(ShopperSessions.COOKIE, cookie).get("/privacy-centre/preferences")
                    .then().statusCode(303).header("Location", endsWith("/privacy-centre/preferences/sign-in"));
        }
        // The genuine cookie is signed in: the page goes on to ask consent-service, which is not there in tests.
        given().cookie(ShopperSessions.COOKIE, genuine).get("/privacy-centre/preferences").then().statusCode(503);
        assertEquals("sub-ann", sessions.subjectOf(genuine).orElseThrow());
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteStrictAndSignOutEndsIt() {
        String cookie = sessions.start("sub-ann", false).toString();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
        Csrf csrf = Csrf.from(given().get("/privacy-centre/preferences/sign-in"));
        List<String> cleared = csrf.post("/privacy-centre/preferences/sign-out").then().statusCode(303)
                .extract().headers().getValues("Set-Cookie");
        assertTrue(cleared.stream().anyMatch(c -> c.startsWith(ShopperSessions.COOKIE + "=;")
                && c.contains("Max-Age=0")), cleared.toString());
        assertTrue(cleared.stream().noneMatch(c -> c.startsWith(ShopperSessions.COOKIE) && c.contains("Secure")));
    }

    @Test
    void overTlsTheSessionCookieIsSecure() {
        // As the retailer's TLS-terminating proxy says it (the tests trust X-Forwarded-*, as CONSOLE_BEHIND_PROXY does).
        Csrf csrf = Csrf.from(given().get("/privacy-centre/preferences/sign-in"));
        List<String> cleared = given().header("X-Forwarded-Proto", "https").cookie("csrf-token", csrf.cookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf.token())
                .post("/privacy-centre/preferences/sign-out").then().statusCode(303).extract().headers().getValues("Set-Cookie");
        assertTrue(cleared.stream().anyMatch(c -> c.startsWith(ShopperSessions.COOKIE + "=;") && c.contains("Secure")),
                cleared.toString());
    }

    /** A page's CSRF cookie and form token, to post a form as a browser would. */
    private record Csrf(String cookie, String token) {

        static Csrf from(Response page) {
            return new Csrf(page.getCookie("csrf-token"),
                    page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value"));
        }

        Response post(String path, String... fields) {
            var request = given().cookie("csrf-token", cookie).contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", token);
            for (int i = 0; i + 1 < fields.length; i += 2) {
                request = request.formParam(fields[i], fields[i + 1]);
            }
            return request.post(path);
        }
    }
}
