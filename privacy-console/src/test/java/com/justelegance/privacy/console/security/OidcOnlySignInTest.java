package com.justelegance.privacy.console.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/**
 * The console with the built-in sign-in switched off and a provider without RP-initiated logout configured: the
 * sign-in page offers only the provider, a right name and password no longer sign anyone in, and signing out ends
 * the provider session in the console (the session cookie removed, back to the sign-in page).
 */
@QuarkusTest
@TestProfile(OidcOnlySignInTest.ProviderOnly.class)
class OidcOnlySignInTest {

    /** The stand-in provider, no built-in sign-in, no provider logout. */
    public static class ProviderOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "console.sign-in.built-in.enabled", "false",
                    "console.sign-in.oidc.display-name", "Example SSO",
                    "console.sign-in.oidc.roles.\"privacy-team\"", StaffRole.AUDITOR);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ConsoleOidcProvider.class));
        }
    }

    @Inject
    StaffUsers users;

    @ConfigProperty(name = "console.test.oidc-provider")
    String provider;

    @BeforeEach
    void setUp() {
        RestAssured.config = RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
        users.save("officer", StaffRole.PRIVACY_OFFICER, "right-password-1");
    }

    @Test
    void signInPageOffersOnlyTheProvider() {
        given().get("/console/sign-in").then().statusCode(200)
                .body(containsString("Sign in with Example SSO"))
                .body(not(containsString("j_security_check")));
    }

    @Test
    void builtInUsersCannotSignIn() {
        Response refused = given().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "officer").formParam("j_password", "right-password-1")
                .post("/console/j_security_check");
        refused.then().statusCode(302).header("Location", containsString("/console/sign-in?error=true"));
        String cookie = refused.getCookie("console-session");
        given().cookie("console-session", cookie == null ? "" : cookie).get("/console/customers")
                .then().statusCode(302).header("Location", endsWith("/console/sign-in"));
    }

    @Test
    void mappedRoleAndSignOutEndsTheSessionInTheConsole() {
        String session = ProviderSignIn.signIn(provider, ConsoleOidcProvider.OFFICER);
        Response page = given().cookie("q_session", session).get("/console/customers");
        page.then().statusCode(200).body(containsString("olivia.officer")).body(containsString("auditor"));
        String formToken = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        Response signedOut = given().cookie("q_session", session).cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", formToken)
                .post("/console/sign-out");
        signedOut.then().statusCode(303).header("Location", endsWith("/console/sign-in"));
        ProviderSignIn.assertSessionCookieRemoved(signedOut);
    }
}
