package com.justelegance.privacy.console.security;

import io.restassured.http.Cookies;
import io.restassured.response.Response;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser's part of signing in with {@link ConsoleOidcProvider}, for the tests (redirects not followed). */
final class ProviderSignIn {

    private ProviderSignIn() {
    }

    /**
     * Plays the browser through the code flow: the console sends it to the provider, the person signs in there
     * (skipped: the provider's answer is the person's code), and the console takes the code and opens a session.
     * Returns the session cookie's value.
     */
    static String signIn(String provider, ConsoleOidcProvider.Person person) {
        Response toProvider = given().get("/console/sso");
        toProvider.then().statusCode(302).header("Location", startsWith(provider + "/authorize"));
        URI authorize = URI.create(toProvider.getHeader("Location"));
        String state = queryParameter(authorize, "state");
        URI back = URI.create(URLDecoder.decode(queryParameter(authorize, "redirect_uri"),
                StandardCharsets.UTF_8));
        assertEquals("/console/sso", back.getPath());

        Cookies stateCookies = toProvider.getDetailedCookies();
        Response callback = given().cookies(stateCookies).queryParam("code", person.code()).queryParam("state", state)
                .get("/console/sso");
        callback.then().statusCode(302);
        String session = callback.getCookie("q_session");
        assertNotNull(session, "no session cookie after the code flow");
        String setCookie = callback.getHeaders().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("q_session=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
        assertTrue(setCookie.contains("Path=/console"), setCookie);
        return session;
    }

    static void assertSessionCookieRemoved(Response response) {
        assertTrue(response.getHeaders().getValues("Set-Cookie").stream()
                        .anyMatch(cookie -> cookie.startsWith("q_session=") && cookie.contains("Max-Age=0")),
                () -> "the session cookie is not removed: " + response.getHeaders().getValues("Set-Cookie"));
    }

    private static String queryParameter(URI uri, String name) {
        Matcher value = Pattern.compile("(?:^|&)" + name + "=([^&]*)").matcher(uri.getRawQuery());
        assertTrue(value.find(), () -> name + " missing from " + uri);
        return value.group(1);
    }
}
