package com.justelegance.privacy.dsr.cases;

import com.icegreen.greenmail.util.GreenMail;
import com.justelegance.privacy.dsr.DsrApi;
import com.justelegance.privacy.dsr.SentLetters;
import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import com.justelegance.privacy.testing.InjectMailServer;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.justelegance.privacy.dsr.DsrApi.officer;
import static com.justelegance.privacy.dsr.DsrApi.openCase;
import static com.justelegance.privacy.dsr.DsrApi.step;
import static com.justelegance.privacy.dsr.DsrApi.view;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * Objection to direct marketing and withdrawal of consent, carried out by consent-service over HTTP (its stand-in in
 * this module, see DataSourceStandIns; the real one in the system tests): what consent-service is sent, the case
 * answered with a letter saying what was done, and a consent-service that is down or refuses leaving the case as
 * it was.
 */
@QuarkusTest
class ConsentRightsTest {

    private static final String PROBLEMS = "https://privacy.justelegance.com/problems/";

    @InjectMailServer
    GreenMail mailServer;

    @Test
    void anObjectionStopsAllMarketingAndSuppressesTheRequestersAddresses() {
        String subject = DsrApi.newSubject();
        String email = "object." + UUID.randomUUID() + "@example.com";
        String id = openCase("OBJECTION", email, "\"subjectId\": \"" + subject + "\"");

        officer(id, "marketing-objection", null).statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("trail.action", hasItem("marketing-objected"));

        received(subject).statusCode(200)
                .body("right", equalTo("marketing-objection"))
                .body("request.requestId", equalTo(id))
                .body("request.contactIdentifiers.type", contains("EMAIL"))
                .body("request.contactIdentifiers.value", contains(email))
                // consent-service refuses fields it does not know: an objection names no purposes
                .body("request", not(hasKey("purposes")));
        SentLetters.awaitLetter(mailServer, email, "We have stopped all direct marketing to you");
        officer(id, "marketing-objection", null).statusCode(409).body("type", equalTo(PROBLEMS + "case-closed"));
    }

    @Test
    void aWithdrawalNamesThePurposesOrLeavesThemToConsentService() {
        String subject = DsrApi.newSubject();
        String email = "withdraw." + UUID.randomUUID() + "@example.com";
        String id = openCase("CONSENT_WITHDRAWAL", email, "\"subjectId\": \"" + subject + "\"");
        officer(id, "consent-withdrawal", "{\"purposes\": [\"SOCIAL_MEDIA_AUDIENCES\", \"ANALYTICS_COOKIES\"]}")
                .statusCode(200).body("status", equalTo("COMPLETED"));
        received(subject).statusCode(200)
                .body("right", equalTo("consent-withdrawal"))
                .body("request.purposes", contains("SOCIAL_MEDIA_AUDIENCES", "ANALYTICS_COOKIES"));
        SentLetters.awaitLetter(mailServer, email, "social media audiences, analytics cookies");

        String everything = DsrApi.newSubject();
        String all = openCase("CONSENT_WITHDRAWAL", "withdraw." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + everything + "\"");
        officer(all, "consent-withdrawal", "{}").statusCode(200);
        received(everything).statusCode(200).body("request.purposes", empty());
    }

    @Test
    void aConsentServiceThatIsDownOrRefusesLeavesTheCaseAsItWas() {
        String down = openCase("OBJECTION", "object." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"down-consent-" + UUID.randomUUID() + "\"");
        officer(down, "marketing-objection", null).statusCode(503)
                .body("type", equalTo(PROBLEMS + "data-source-unavailable"));
        view(down).statusCode(200).body("status", equalTo("RECEIVED"))
                .body("trail.action", not(hasItem("marketing-objected")));

        String id = openCase("CONSENT_WITHDRAWAL", "withdraw." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
        officer(id, "consent-withdrawal", "{\"purposes\": [\"NO_SUCH_PURPOSE\"]}").statusCode(400)
                .body("errors.field", hasItem(containsString("purposes")));
        officer(id, "consent-withdrawal", "{\"purposes\": [\"email marketing\"]}").statusCode(400)
                .body("errors.field", hasItem(containsString("purposes")));
        view(id).statusCode(200).body("status", equalTo("RECEIVED"));
    }

    @Test
    void onlyTheRightKindOfResolvedCaseIsCarriedOutAndOnlyByThePrivacyOfficer() {
        String erasure = openCase("ERASURE", "object." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
        officer(erasure, "marketing-objection", null).statusCode(409)
                .body("type", equalTo(PROBLEMS + "case-status-conflict"));
        officer(erasure, "consent-withdrawal", "{}").statusCode(409);
        String unresolved = openCase("OBJECTION", "object." + UUID.randomUUID() + "@example.com", null);
        officer(unresolved, "marketing-objection", null).statusCode(409);
        String objection = openCase("OBJECTION", "object." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
        step(Roles.CUSTOMER_SERVICE, objection, "marketing-objection", null).statusCode(403);
        step(Roles.AUDITOR, objection, "marketing-objection", null).statusCode(403);
    }

    /** What the consent-service stand-in was last sent about the subject. */
    private static ValidatableResponse received(String subject) {
        String consent = ConfigProvider.getConfig().getValue("quarkus.rest-client.consent.url", String.class);
        return given().when().get(consent + "/received/" + subject).then();
    }
}
