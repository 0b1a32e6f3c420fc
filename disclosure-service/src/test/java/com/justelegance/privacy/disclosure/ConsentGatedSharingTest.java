package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.justelegance.privacy.disclosure.DisclosureEvents.consentChanged;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newId;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newSubject;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Sharing with a recipient that needs consent is answered from the local projection of consent-service's
 * ConsentChanged events and fails closed: a withdrawn consent, or none known, means no, for a single check and for
 * an audience upload, which records disclosures only for the subjects it allows.
 */
@QuarkusTest
class ConsentGatedSharingTest {

    private static final String AUDIENCES = "SOCIAL_MEDIA_AUDIENCES";
    private static final Instant GRANTED_AT = Instant.parse("2026-11-01T09:00:00Z");

    @Test
    void aWithdrawnConsentTurnsTheAnswerToNo() {
        String subject = newSubject();

        TestEvents.publish(consentChanged(subject, AUDIENCES, ConsentState.GRANTED, GRANTED_AT));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(subject, "FACEBOOK", AUDIENCES)
                .body("allowed", equalTo(true))
                .body("reason", equalTo("CONSENT_GRANTED")));

        TestEvents.publish(consentChanged(subject, AUDIENCES, ConsentState.WITHDRAWN, GRANTED_AT.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(subject, "FACEBOOK", AUDIENCES)
                .body("allowed", equalTo(false))
                .body("reason", equalTo("CONSENT_NOT_GRANTED"))
                .body("consentState", equalTo("WITHDRAWN")));
    }

    @Test
    void withNoConsentKnownTheAnswerIsNo() {
        check(newSubject(), "PINTEREST", AUDIENCES)
                .body("allowed", equalTo(false))
                .body("reason", equalTo("NO_CONSENT_KNOWN"));
    }

    @Test
    void aConsentForOnePurposeDoesNotAllowSharingForAnother() {
        String subject = newSubject();
        TestEvents.publish(consentChanged(subject, AUDIENCES, ConsentState.GRANTED, GRANTED_AT));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(subject, "INSTAGRAM", AUDIENCES)
                .body("allowed", equalTo(true)));

        check(subject, "GOOGLE_ANALYTICS", "ANALYTICS_COOKIES").body("allowed", equalTo(false));
        check(subject, "INSTAGRAM", "ANALYTICS_COOKIES")
                .body("allowed", equalTo(false))
                .body("reason", equalTo("PURPOSE_NOT_REGISTERED"));
    }

    @Test
    void anAudienceUploadRefusesTheWithdrawnAndTheUnknownAndRecordsOnlyTheAllowed() {
        String granted = newSubject();
        String withdrawn = newSubject();
        String unknown = newSubject();
        TestEvents.publish(consentChanged(granted, AUDIENCES, ConsentState.GRANTED, GRANTED_AT));
        TestEvents.publish(consentChanged(withdrawn, AUDIENCES, ConsentState.GRANTED, GRANTED_AT));
        TestEvents.publish(consentChanged(withdrawn, AUDIENCES, ConsentState.WITHDRAWN, GRANTED_AT.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            check(granted, "FACEBOOK", AUDIENCES).body("allowed", equalTo(true));
            check(withdrawn, "FACEBOOK", AUDIENCES).body("consentState", equalTo("WITHDRAWN"));
        });
        String upload = newId("upl");

        DisclosureApi.as(Roles.MARKETING)
                .body("""
                        {"recipient": "FACEBOOK", "purpose": "%s", "uploadId": "%s", "subjectIds": ["%s", "%s", "%s"]}
                        """.formatted(AUDIENCES, upload, granted, withdrawn, unknown))
                .when().post("/api/v1/audience-uploads")
                .then().statusCode(200)
                .body("allowed", contains(granted))
                .body("refused.subjectId", containsInAnyOrder(withdrawn, unknown))
                .body("refused.find { it.subjectId == '" + withdrawn + "' }.reason", equalTo("CONSENT_NOT_GRANTED"))
                .body("refused.find { it.subjectId == '" + unknown + "' }.reason", equalTo("NO_CONSENT_KNOWN"));

        OrderLedgerTest.disclosures(granted).body("$", hasSize(1))
                .body("[0].recipient", equalTo("FACEBOOK"))
                .body("[0].source", equalTo("AUDIENCE_UPLOAD"))
                .body("[0].reference", equalTo(upload))
                .body("[0].legalBasis", equalTo("CONSENT"))
                .body("[0].dataCategories", contains("EMAIL", "PHONE"));
        OrderLedgerTest.disclosures(withdrawn).body("$", empty());
        OrderLedgerTest.disclosures(unknown).body("$", empty());
    }

    @Test
    void aRecipientThatDoesNotRestOnConsentOrIsUnknownIsAProblemNotAnAnswer() {
        DisclosureApi.as(Roles.MARKETING)
                .when().get("/api/v1/sharing-checks?subjectId={s}&recipient=DPD&purpose={p}", newSubject(), AUDIENCES)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/recipient-not-consent-based"));
        DisclosureApi.as(Roles.MARKETING)
                .when().get("/api/v1/sharing-checks?subjectId={s}&recipient=MYSPACE&purpose={p}", newSubject(),
                        AUDIENCES)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/unknown-recipient"));
        DisclosureApi.as(Roles.MARKETING)
                .body("""
                        {"recipient": "FACEBOOK", "purpose": "%s", "uploadId": "u-1",
                         "subjectIds": ["jane@example.com"]}
                        """.formatted(AUDIENCES))
                .when().post("/api/v1/audience-uploads")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("subjectIds[0]"));
    }

    private static ValidatableResponse check(String subject, String recipient, String purpose) {
        return DisclosureApi.as(Roles.MARKETING)
                .when().get("/api/v1/sharing-checks?subjectId={s}&recipient={r}&purpose={p}", subject, recipient,
                        purpose)
                .then().statusCode(200);
    }
}
