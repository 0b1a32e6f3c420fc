package com.justelegance.privacy.consent;

import com.justelegance.privacy.consent.domain.UnsubscribeToken;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.check;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.history;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * A person opens the unsubscribe link of a marketing e-mail in a browser: a plain page says what will happen and
 * offers a button that does it. Opening the page changes nothing (mail scanners fetch links), and a link that is
 * not ours or has expired shows a plain error page.
 */
@QuarkusTest
class UnsubscribePageTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    KeyedHash keyedHash;

    @Test
    void openingTheLinkShowsAFormThatPostsToItAndChangesNothing() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        String url = link(subject);
        String path = URI.create(url).getPath();

        for (int scannerVisits = 0; scannerVisits < 2; scannerVisits++) {
            open(path).statusCode(200)
                    .contentType(startsWith("text/html"))
                    .header("Cache-Control", containsString("no-store"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .body(allOf(
                            containsString("<form method=\"post\" action=\"" + url + "\">"),
                            containsString("name=\"List-Unsubscribe\" value=\"One-Click\""),
                            containsString("<button type=\"submit\">"),
                            containsString("Offers, promotions and events by email"),
                            not(containsString(subject)),
                            not(containsString("<script"))));
        }
        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(true));
        history(subject).body("", hasSize(1));

        // The button: what a browser sends when the form is submitted.
        given().header("Accept", BROWSER_ACCEPT)
                .contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .when().post(path)
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("unsubscribed"));

        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(false)).body("reason", equalTo("WITHDRAWN"));
        history(subject).body("source[1]", equalTo("UNSUBSCRIBE_LINK"));
    }

    @Test
    void theOneClickPostOfAMailClientStillAnswersJson() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        String path = URI.create(link(subject)).getPath();
        open(path).statusCode(200);

        given().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .when().post(path)
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("outcome", equalTo("UNSUBSCRIBED"));
    }

    @Test
    void aForgedOrMangledLinkShowsAnErrorPageWithoutEchoingIt() {
        String forged = new UnsubscribeToken(UUID.randomUUID(), newSubject(), "EMAIL_MARKETING",
                Instant.now().plusSeconds(3600)).encode(value -> keyedHash.of("someone-elses-key", value));
        open("/api/v1/unsubscribe/" + forged).statusCode(400)
                .contentType(startsWith("text/html"))
                .body(allOf(not(containsString(forged)), not(containsString("<form"))));

        open("/api/v1/unsubscribe/%3Cb%3Einjected").statusCode(400)
                .contentType(startsWith("text/html"))
                .body(allOf(not(containsString("<b>")), not(containsString("injected"))));
    }

    @Test
    void anExpiredLinkShowsAGonePage() {
        String expired = new UnsubscribeToken(UUID.randomUUID(), newSubject(), "EMAIL_MARKETING",
                Instant.now().minusSeconds(60)).encode(value -> keyedHash.of("consent-unsubscribe-token-v1", value));
        open("/api/v1/unsubscribe/" + expired).statusCode(410)
                .contentType(startsWith("text/html"))
                .body(allOf(containsString("expired"), not(containsString("<form"))));
    }

    private static ValidatableResponse open(String path) {
        return given().header("Accept", BROWSER_ACCEPT).urlEncodingEnabled(false).when().get(path).then();
    }

    private static String link(String subject) {
        return as(Roles.MARKETING).body("{\"purpose\": \"EMAIL_MARKETING\", \"subjectIds\": [\"" + subject + "\"]}")
                .when().post("/api/v1/unsubscribe-tokens")
                .then().statusCode(200).extract().path("links[0].url");
    }
}
