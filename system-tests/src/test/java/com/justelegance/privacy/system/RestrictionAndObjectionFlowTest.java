package com.justelegance.privacy.system;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.justelegance.privacy.system.RunningSystem.Service.CONSENT;
import static com.justelegance.privacy.system.RunningSystem.Service.DISCLOSURE;
import static com.justelegance.privacy.system.RunningSystem.Service.DSR;
import static com.justelegance.privacy.system.RunningSystem.Service.RETENTION;
import static com.justelegance.privacy.system.RunningSystem.url;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The rights carried out through the other services, across the packaged services: an objection to direct marketing
 * (Art. 21) stops every marketing purpose at consent-service and puts the customer's addresses on the suppression
 * list; a restriction of processing (Art. 18) makes consent-service refuse marketing, disclosure-service refuse the
 * customer in an audience upload and retention-service hold them from purges, until the privacy officer lifts it and
 * each allows again. Each case closes with a letter to the customer.
 */
@ExtendWith(RunningSystem.class)
class RestrictionAndObjectionFlowTest {

    @Test
    void anObjectionToMarketingStopsEveryMarketingPurposeAndSuppressesTheCustomersAddresses() {
        String subject = "cust-ob-" + UUID.randomUUID();
        String email = "objector." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String phone = "07700 900" + (100 + (int) (Math.random() * 800));
        // At checkout they had agreed to marketing e-mails and texts and to social media audiences.
        grantAtCheckout(subject, List.of("EMAIL_MARKETING", "SMS_MARKETING", "SOCIAL_MEDIA_AUDIENCES"),
                email, phone);
        assertThat(consentCheck(subject, "EMAIL_MARKETING").getBoolean("allowed"), is(true));
        assertThat("not suppressed before the objection", suppressed("EMAIL", "EMAIL", email), is(false));

        // They write "stop all marketing"; customer service records it as an objection, for the subject they are.
        JsonPath opened = openCase("OBJECTION", subject, email, phone, "Please stop all marketing to me.");
        String caseId = opened.getString("id");
        String reference = opened.getString("reference");

        // The privacy officer carries it out through consent-service; the case is answered.
        given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().post("/api/v1/requests/{id}/marketing-objection", caseId)
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        // Every marketing purpose of the catalogue is objected to, whether they had decided on it or not.
        List<String> marketingPurposes = given().baseUri(url(CONSENT))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/purposes")
                .then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.directMarketing || it.marketingProfiling }.code", String.class);
        assertThat(marketingPurposes, hasItem("POST_MARKETING"));
        JsonPath consents = given().baseUri(url(CONSENT))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/consents", subject)
                .then().statusCode(200).extract().jsonPath();
        for (String purpose : marketingPurposes) {
            assertThat(purpose, consents.getString("find { it.purpose == '" + purpose + "' }.state"),
                    equalTo("OBJECTED"));
        }
        assertThat(consentCheck(subject, "EMAIL_MARKETING").getBoolean("allowed"), is(false));
        assertThat(consentCheck(subject, "EMAIL_MARKETING").getString("reason"), equalTo("OBJECTED"));

        // Their address and phone are on the suppression list, so a re-imported list is screened out.
        assertThat("e-mail suppressed", suppressed("EMAIL", "EMAIL", email), is(true));
        assertThat("phone suppressed for texts", suppressed("SMS", "PHONE", phone), is(true));

        // The customer is told what was stopped.
        String letter = Mailboxes.textOf(Mailboxes.awaitLetter(email, "Your request is complete", reference));
        assertThat(letter, containsString("We have stopped all direct marketing to you"));
        assertThat(caseView(caseId).getList("trail.action", String.class),
                hasItem("letter-sent:COMPLETION"));
    }

    @Test
    void aRestrictionStopsMarketingSharingAndPurgesUntilItIsLifted() {
        String subject = "cust-rs-" + UUID.randomUUID();
        String email = "restrict." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        grantAtCheckout(subject, List.of("EMAIL_MARKETING", "SOCIAL_MEDIA_AUDIENCES"), email, null);
        // Disclosure-service learns the consent from consent-service's event; retention the contact it was.
        await().atMost(Duration.ofSeconds(30)).until(() -> audienceUpload(subject)
                .getList("allowed", String.class).contains(subject));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(url(RETENTION))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/timeline", subject)
                .then().statusCode(200));
        assertThat(consentCheck(subject, "EMAIL_MARKETING").getBoolean("allowed"), is(true));

        // They contest how we use their data; the privacy officer restricts its processing meanwhile.
        JsonPath opened = openCase("RESTRICTION", subject, email, null,
                "Please stop using my data until you have checked my complaint.");
        String caseId = opened.getString("id");
        String reference = opened.getString("reference");
        given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Accuracy contested (Art. 18(1)(a))"))
                .when().post("/api/v1/requests/{id}/restriction", caseId)
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        Mailboxes.awaitLetter(email, "Your request is complete", reference);

        // Consent-service refuses marketing, disclosure-service leaves them out of an upload, retention holds them.
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESTRICTED".equals(
                consentCheck(subject, "EMAIL_MARKETING").getString("reason")));
        assertThat(consentCheck(subject, "EMAIL_MARKETING").getBoolean("allowed"), is(false));
        await().atMost(Duration.ofSeconds(30)).until(() -> audienceUpload(subject)
                .getList("allowed", String.class).isEmpty());
        JsonPath refusedUpload = audienceUpload(subject);
        assertThat(refusedUpload.getList("allowed"), empty());
        assertThat(refusedUpload.getList("refused.subjectId", String.class), contains(subject));
        assertThat(refusedUpload.getList("refused.reason", String.class), contains("RESTRICTED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !holds(subject).getList("restrictions").isEmpty());
        JsonPath held = holds(subject);
        assertThat(held.getBoolean("held"), is(true));
        assertThat(held.getList("heldBy.kind", String.class), hasItem("PROCESSING_RESTRICTED"));
        assertThat(held.getList("restrictions.requestId", String.class), contains(caseId));
        assertThat(held.get("restrictions[0].liftedAt"), nullValue());
        // Facebook, which had received them in the earlier upload, is told of the restriction.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().baseUri(url(DISCLOSURE))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/notices", subject)
                .then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.kind == 'RESTRICTION' }.recipient", String.class), contains("FACEBOOK")));
        given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .when().get("/api/v1/requests/{id}/restriction", caseId)
                .then().statusCode(200).body("inForce", is(true));

        // The check is done: the privacy officer lifts the restriction and tells the customer why.
        given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "We checked your data and it is accurate."))
                .when().post("/api/v1/requests/{id}/restriction/lift", caseId)
                .then().statusCode(200);
        String liftLetter = Mailboxes.textOf(Mailboxes.awaitLetter(email,
                "We are lifting the restriction on your personal data", reference));
        assertThat(liftLetter, containsString("We checked your data and it is accurate."));

        // Each service allows again as the customer's choices say.
        await().atMost(Duration.ofSeconds(30)).until(() -> consentCheck(subject, "EMAIL_MARKETING")
                .getBoolean("allowed"));
        await().atMost(Duration.ofSeconds(30)).until(() -> audienceUpload(subject)
                .getList("allowed", String.class).contains(subject));
        await().atMost(Duration.ofSeconds(30)).until(() -> holds(subject).get("restrictions[0].liftedAt") != null);
        JsonPath released = holds(subject);
        assertThat(released.getString("restrictions[0].liftedAt"), notNullValue());
        assertThat("nothing holds them any more", released.getBoolean("held"), is(false));
        given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .when().get("/api/v1/requests/{id}/restriction", caseId)
                .then().statusCode(200).body("inForce", is(false));
    }

    /** The storefront records the customer's consent at checkout, with their addresses. */
    private static void grantAtCheckout(String subject, List<String> purposes, String email, String phone) {
        List<Map<String, String>> identifiers = phone == null
                ? List.of(Map.of("type", "EMAIL", "value", email))
                : List.of(Map.of("type", "EMAIL", "value", email), Map.of("type", "PHONE", "value", phone));
        given().baseUri(url(CONSENT))
                .header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType(ContentType.JSON)
                .body(Map.of("choices", purposes.stream().map(p -> Map.of("purpose", p, "state", "GRANTED")).toList(),
                        "policyVersion", "2026-11", "source", "CHECKOUT", "method", "ACCEPT",
                        "contactIdentifiers", identifiers))
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then().statusCode(201);
    }

    /** Customer service records the request as it came by e-mail, for the subject the customer is. */
    private static JsonPath openCase(String type, String subject, String email, String phone, String message) {
        Map<String, Object> requester = new LinkedHashMap<>();
        requester.put("email", email);
        if (phone != null) {
            requester.put("phone", phone);
        }
        requester.put("message", message);
        return given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .contentType(ContentType.JSON)
                .body(Map.of("type", type, "channel", "EMAIL", "requester", requester, "subjectId", subject))
                .when().post("/api/v1/requests")
                .then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath caseView(String caseId) {
        return given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/requests/{id}", caseId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath consentCheck(String subject, String purpose) {
        return given().baseUri(url(CONSENT))
                .header("Authorization", TestTokens.bearer(Roles.MARKETING))
                .queryParam("subjectId", subject)
                .queryParam("purpose", purpose)
                .when().get("/api/v1/consent-checks")
                .then().statusCode(200).extract().jsonPath();
    }

    private static boolean suppressed(String channel, String type, String value) {
        return given().baseUri(url(CONSENT))
                .header("Authorization", TestTokens.bearer(Roles.MARKETING))
                .contentType(ContentType.JSON)
                .body(Map.of("channel", channel, "identifiers", List.of(Map.of("type", type, "value", value))))
                .when().post("/api/v1/suppression-list/screening")
                .then().statusCode(200).extract().jsonPath().getList("suppressed").size() == 1;
    }

    /**
     * Marketing screens the customer for an upload to Facebook's audiences (consent-based sharing); each upload has
     * an id of its own, under which disclosure-service records the subjects it allowed.
     */
    private static JsonPath audienceUpload(String subject) {
        String uploadId = "upload-" + UUID.randomUUID();
        return given().baseUri(url(DISCLOSURE))
                .header("Authorization", TestTokens.bearer(Roles.MARKETING))
                .contentType(ContentType.JSON)
                .body(Map.of("recipient", "FACEBOOK", "purpose", "SOCIAL_MEDIA_AUDIENCES", "uploadId", uploadId,
                        "subjectIds", List.of(subject)))
                .when().post("/api/v1/audience-uploads")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath holds(String subject) {
        return given().baseUri(url(RETENTION))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/holds", subject)
                .then().statusCode(200).extract().jsonPath();
    }
}
