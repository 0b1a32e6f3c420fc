package com.justelegance.privacy.console.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in sign-in: console pages need a session, a right password gives one in an HTTP-only, same-site cookie,
 * a wrong one or an unknown name does not, signing out ends it, and a form posted without its CSRF token is refused.
 */
@QuarkusTest
class StaffSignInTest {

    @Inject
    StaffUsers users;

    @BeforeEach
    void users() {
        RestAssured.config = RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
        users.save("officer", StaffRole.PRIVACY_OFFICER, "right-password-1");
    }

    @Test
    void consolePagesWithoutSessionGoToSignIn() {
        given().get("/console/requests").then().statusCode(302)
                .header("Location", endsWith("/console/sign-in"));
        given().get("/console").then().statusCode(302);
    }

    @Test
    void rightPasswordGivesAnHttpOnlySameSiteSession() {
        Response signedIn = signIn("officer", "right-password-1");
        signedIn.then().statusCode(302).header("Location", endsWith("/console"));
        String cookie = signedIn.getHeader("Set-Cookie");
        assertNotNull(cookie);
        assertTrue(cookie.startsWith("console-session="), cookie);
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
    }

    @Test
    void wrongPasswordOrUnknownNameGivesNoSession() {
        for (Response refused : new Response[]{signIn("officer", "wrong"), signIn("nobody", "right-password-1")}) {
            refused.then().statusCode(302).header("Location", containsString("/console/sign-in?error=true"));
            String cookie = refused.getHeader("Set-Cookie");
            assertFalse(cookie != null && cookie.startsWith("console-session=") && cookie.length() > 20, cookie);
        }
        given().get("/console/sign-in?error=true").then().statusCode(200)
                .body(containsString("The name or the password is not right"));
    }

    @Test
    void signOutExpiresTheSession() {
        String session = signIn("officer", "right-password-1").getCookie("console-session");
        Response page = given().cookie("console-session", session).get("/console/sign-in");
        String formToken = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        given().cookie("console-session", session).cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", formToken)
                .post("/console/sign-out").then().statusCode(303)
                .header("Location", endsWith("/console/sign-in"))
                .extract().headers().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("console-session=;") && cookie.contains("Max-Age=0"))
                .findFirst().orElseThrow(() -> new AssertionError("the session cookie is not expired"));
    }

    @Test
    void formWithoutCsrfTokenIsRefused() {
        String session = signIn("officer", "right-password-1").getCookie("console-session");
        given().cookie("console-session", session).contentType("application/x-www-form-urlencoded")
                .formParam("text", "a comment")
                .post("/console/requests/" + UUID.randomUUID() + "/comments")
                .then().statusCode(400).body(not(containsString("a comment")));
    }

    private static Response signIn(String name, String password) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", name).formParam("j_password", password)
                .post("/console/j_security_check");
    }
}
