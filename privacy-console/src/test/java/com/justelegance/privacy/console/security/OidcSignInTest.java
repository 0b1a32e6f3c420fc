package com.justelegance.privacy.console.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff sign-in with the identity provider (OpenID Connect authorization-code flow against
 * {@link ConsoleOidcProvider}): the sign-in page offers the provider; a person in a mapped group lands on the console
 * with their name and the mapped role, and the services' token carries exactly those; someone in no mapped group, or
 * with a name the console cannot use, is refused with a page saying why and gets no session; sign-out ends the
 * session and signs out at the provider.
 */
@QuarkusTest
@TestProfile(OidcSignInTest.WithProvider.class)
class OidcSignInTest {

    /** The console configured with the stand-in provider and a role map. */
    public static class WithProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "console.sign-in.oidc.display-name", "Example SSO",
                    "console.sign-in.oidc.roles.\"privacy-team\"", StaffRole.PRIVACY_OFFICER,
                    "console.sign-in.oidc.roles.support", StaffRole.CUSTOMER_SERVICE,
                    "quarkus.oidc.logout.path", "/console/sign-out");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ConsoleOidcProvider.class));
        }
    }

    @ConfigProperty(name = "console.test.oidc-provider")
    String provider;

    @BeforeEach
    void noRedirects() {
        RestAssured.config = RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
    }

    @Test
    void signInPageOffersTheProviderBesideTheBuiltInForm() {
        given().get("/console/sign-in").then().statusCode(200)
                .body(containsString("Sign in with Example SSO"))
                .body(containsString("href=\"/console/sso\""))
                .body(containsString("j_security_check"));
    }

    @Test
    void consolePagesWithoutSessionStillGoToTheSignInPage() {
        given().get("/console/requests").then().statusCode(302)
                .header("Location", endsWith("/console/sign-in"));
    }

    @Test
    void mappedGroupSignsInWithTheMappedRoleAndTheServicesTokenCarriesIt() {
        String session = ProviderSignIn.signIn(provider, ConsoleOidcProvider.OFFICER);
        given().cookie("q_session", session).get("/console/sso").then().statusCode(303)
                .header("Location", endsWith("/console"));

        String claims = given().cookie("q_session", session).get("/console/test-only/backend-token")
                .then().statusCode(200).extract().asString();
        assertTrue(claims.contains("\"upn\":\"olivia.officer\""), claims);
        assertTrue(claims.contains("\"groups\":[\"privacy-officer\"]"), claims);
        assertFalse(claims.contains("privacy-team") || claims.contains("all-staff"), claims);

        given().cookie("q_session", session).get("/console/customers").then().statusCode(200)
                .body(containsString("olivia.officer")).body(containsString("privacy-officer"));
    }

    @Test
    void unmappedGroupIsRefusedWithAPageAndNoSession() {
        String session = ProviderSignIn.signIn(provider, ConsoleOidcProvider.WAREHOUSE);
        Response refused = given().cookie("q_session", session).get("/console/sso");
        refused.then().statusCode(303).header("Location", containsString("/console/sign-in/refused"));
        ProviderSignIn.assertSessionCookieRemoved(refused);

        given().get(URI.create(refused.getHeader("Location")).getRawPath() + "?"
                        + URI.create(refused.getHeader("Location")).getRawQuery())
                .then().statusCode(403)
                .body(containsString("none of the groups")).body(containsString("Example SSO"));
        // Even a session kept back from before the refusal opens no console page, nor a token for the services.
        given().cookie("q_session", session).get("/console/customers").then().statusCode(403)
                .body(not(containsString("walter")));
        given().cookie("q_session", session).get("/console/test-only/backend-token").then().statusCode(403);
    }

    @Test
    void nameThatIsNotAStaffNameIsRefused() {
        String session = ProviderSignIn.signIn(provider, ConsoleOidcProvider.BAD_NAME);
        Response refused = given().cookie("q_session", session).get("/console/sso");
        refused.then().statusCode(303).header("Location", endsWith("/console/sign-in/refused?reason=name"));
        ProviderSignIn.assertSessionCookieRemoved(refused);
        given().get("/console/sign-in/refused?reason=name").then().statusCode(403)
                .body(containsString("cannot be used as a staff name"));
        given().cookie("q_session", session).get("/console/customers").then().statusCode(403);
    }

    @Test
    void signOutEndsTheSessionAndSignsOutAtTheProvider() {
        String session = ProviderSignIn.signIn(provider, ConsoleOidcProvider.OFFICER);
        Response page = given().cookie("q_session", session).get("/console/customers");
        String formToken = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        Response signedOut = given().cookie("q_session", session).cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", formToken)
                .post("/console/sign-out");
        signedOut.then().statusCode(302).header("Location", startsWith(provider + "/logout"))
                .header("Location", containsString("post_logout_redirect_uri="));
        ProviderSignIn.assertSessionCookieRemoved(signedOut);
    }
}
