package com.justelegance.privacy.consent;

import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.ConsentMethod;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.check;
import static com.justelegance.privacy.consent.ConsentApi.current;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.history;
import static com.justelegance.privacy.consent.ConsentApi.newEmail;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * dsr-service carries out two rights here with its own token: an objection to direct marketing (absolute: every
 * marketing purpose becomes OBJECTED and the person's identifiers are suppressed) and a withdrawal of consent. Both
 * are recorded as decisions from a data-subject request, published as ConsentChanged without personal data, and
 * carried out once per request id.
 */
@QuarkusTest
class SubjectRequestTest {

    /** Every purpose of the seeded catalogue an objection to direct marketing ends. */
    private static final String[] MARKETING = {"EMAIL_MARKETING", "SMS_MARKETING", "POST_MARKETING",
            "PHONE_MARKETING", "PERSONALISED_EMAILS", "ADVERTISING_COOKIES", "SOCIAL_MEDIA_AUDIENCES"};
    private static final String PROBLEMS = "https://privacy.justelegance.com/problems/";

    @Test
    void anObjectionEndsEveryMarketingPurposeAndSuppressesTheIdentifiers() {
        String subject = newSubject();
        String email = newEmail();
        String phoneDigits = "7700900" + (100 + (int) (Math.random() * 800));
        String phone = "0" + phoneDigits.substring(0, 4) + " " + phoneDigits.substring(4);
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        decide(subject, "PERSONALISED_EMAILS", "GRANTED").statusCode(201);
        decide(subject, "ANALYTICS_COOKIES", "GRANTED").statusCode(201);
        String requestId = newRequestId();

        List<EventEnvelope<?>> published;
        try (TopicProbe consents = TopicProbe.open(Topics.CONSENT)) {
            String decisionId = objection(Roles.DSR_SERVICE, subject, requestId, email, phone).statusCode(200)
                    .body("decisionId", notNullValue())
                    .body("purposesChanged", hasItems(MARKETING))
                    .body("purposesChanged", not(hasItem("ANALYTICS_COOKIES")))
                    // The e-mail address on EMAIL, the phone number on SMS and PHONE.
                    .body("suppressionEntriesAdded", equalTo(3))
                    .extract().path("decisionId");
            // The objection's own events: the grants above may still be on their way through the outbox.
            published = await().atMost(Duration.ofSeconds(30)).until(
                    () -> forSubject(consents.drain(Duration.ofMillis(100)), subject).stream()
                            .filter(e -> ((ConsentChanged) e.payload()).decisionId().equals(decisionId)).toList(),
                    objected -> objected.stream().map(e -> ((ConsentChanged) e.payload()).purpose()).toList()
                            .containsAll(List.of(MARKETING)));
        }

        assertThat(published.stream().map(e -> ((ConsentChanged) e.payload()).purpose()).toList(),
                hasItems(MARKETING));
        for (EventEnvelope<?> event : published) {
            ConsentChanged changed = (ConsentChanged) event.payload();
            assertThat(changed.source(), equalTo(ConsentSource.DATA_SUBJECT_REQUEST));
            assertThat(changed.state(), equalTo(ConsentState.OBJECTED));
            assertThat(changed.method(), equalTo(ConsentMethod.REJECT));
            String wire = EventCodec.encode(event);
            assertThat(wire, not(containsString("@")));
            assertThat(wire, not(containsString(phoneDigits)));
        }
        for (String purpose : MARKETING) {
            check(subject, purpose).body("allowed", equalTo(false)).body("reason", equalTo("OBJECTED"));
        }
        check(subject, "ANALYTICS_COOKIES").body("allowed", equalTo(true));
        screen(email, phone).body("suppressed.index", contains(0, 1))
                .body("suppressed[0].channels", contains("EMAIL"))
                .body("suppressed[1].channels", containsInAnyOrder("SMS", "PHONE"));
        String fromRequest = "find { it.subjectRequestId == '" + requestId + "' }";
        history(subject).statusCode(200)
                .body(fromRequest + ".source", equalTo("DATA_SUBJECT_REQUEST"))
                .body(fromRequest + ".policyVersion", notNullValue())
                .body(fromRequest + ".choices.purpose", hasItems(MARKETING))
                .body(fromRequest + ".choices.state", everyItem(equalTo("OBJECTED")));
    }

    @Test
    void aSubjectWithNoRecordsCanStillObject() {
        String subject = newSubject();
        String email = newEmail();

        objection(Roles.DSR_SERVICE, subject, newRequestId(), email, null).statusCode(200)
                .body("purposesChanged", hasItems(MARKETING))
                .body("suppressionEntriesAdded", equalTo(1));

        current(subject).statusCode(200).body("findAll { it.purpose == 'POST_MARKETING' }.state",
                contains("OBJECTED"));
        // POST_MARKETING rests on legitimate interest: allowed for anyone who never objected, not for this person.
        check(subject, "POST_MARKETING").body("allowed", equalTo(false)).body("reason", equalTo("OBJECTED"));
        screen(email, null).body("suppressed[0].channels", contains("EMAIL"));
    }

    @Test
    void aRetryWithTheSameRequestIdChangesNothingAndAnswersTheSame() {
        String subject = newSubject();
        String email = newEmail();
        decide(subject, "SMS_MARKETING", "GRANTED").statusCode(201);
        String requestId = newRequestId();

        try (TopicProbe consents = TopicProbe.open(Topics.CONSENT)) {
            Map<String, Object> first = objection(Roles.DSR_SERVICE, subject, requestId, email, null)
                    .statusCode(200).extract().as(Map.class);
            Map<String, Object> retry = objection(Roles.DSR_SERVICE, subject, requestId, email, null)
                    .statusCode(200).extract().as(Map.class);
            assertThat(retry, equalTo(first));

            // A later change of the same subject; events of one subject leave in order, so once it is seen,
            // anything the retry had published would have been seen too.
            withdrawal(subject, newRequestId(), "[\"ANALYTICS_COOKIES\"]").statusCode(200);
            List<EventEnvelope<?>> published = awaitConsentChanges(consents, subject, List.of("ANALYTICS_COOKIES"));
            // Only the objection's changes count: the grant above may still be on its way through the outbox.
            assertThat(published.stream().map(e -> (ConsentChanged) e.payload())
                    .filter(changed -> changed.purpose().equals("SMS_MARKETING")
                            && changed.state() == ConsentState.OBJECTED).count(), equalTo(1L));
        }
        history(subject).statusCode(200)
                .body("findAll { it.subjectRequestId == '" + requestId + "' }", hasSize(1));
    }

    @Test
    void aWithdrawalWithdrawsTheListedPurposesOnly() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        decide(subject, "SMS_MARKETING", "GRANTED").statusCode(201);
        String requestId = newRequestId();

        withdrawal(subject, requestId, "[\"EMAIL_MARKETING\"]").statusCode(200)
                .body("decisionId", notNullValue())
                .body("purposesChanged", contains("EMAIL_MARKETING"))
                .body("suppressionEntriesAdded", equalTo(0));

        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(false)).body("reason", equalTo("WITHDRAWN"));
        check(subject, "SMS_MARKETING").body("allowed", equalTo(true));
        history(subject).body("find { it.subjectRequestId == '" + requestId + "' }.source",
                equalTo("DATA_SUBJECT_REQUEST"));
    }

    @Test
    void aWithdrawalNamingNoPurposeWithdrawsEveryConsentGrantedNow() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        decide(subject, "ANALYTICS_COOKIES", "GRANTED").statusCode(201);
        decide(subject, "SMS_MARKETING", "DENIED").statusCode(201);

        withdrawal(subject, newRequestId(), null).statusCode(200)
                .body("purposesChanged", containsInAnyOrder("EMAIL_MARKETING", "ANALYTICS_COOKIES"));

        current(subject).body("findAll { it.purpose == 'SMS_MARKETING' }.state", contains("DENIED"))
                .body("findAll { it.state == 'GRANTED' }", empty());
        // Legitimate interest is not consent: an objection, not a withdrawal, ends it.
        check(subject, "POST_MARKETING").body("allowed", equalTo(true));

        // Nothing granted any more: a second withdrawal records nothing.
        withdrawal(subject, newRequestId(), "[]").statusCode(200)
                .body("decisionId", nullValue())
                .body("purposesChanged", empty());
    }

    @Test
    void theStorefrontMarketingAndCustomerServiceMayNotCarryOutRequests() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        for (String role : List.of(Roles.STOREFRONT, Roles.MARKETING, Roles.CUSTOMER_SERVICE, Roles.AUDITOR)) {
            objection(role, subject, newRequestId(), newEmail(), null).statusCode(403)
                    .contentType("application/problem+json");
            as(role).body("{\"requestId\": \"" + newRequestId() + "\"}")
                    .when().post("/api/v1/subjects/{subject}/consent-withdrawal", subject)
                    .then().statusCode(403);
        }
        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(true));
        // The privacy officer may, for a request handled by hand.
        objection(Roles.PRIVACY_OFFICER, subject, newRequestId(), newEmail(), null).statusCode(200);
        check(subject, "EMAIL_MARKETING").body("reason", equalTo("OBJECTED"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldWithoutEchoingIt() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);

        withdrawal(subject, newRequestId(), "[\"EMAIL_MARKETING\", \"NOT_A_PURPOSE\"]").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unknown-purpose"))
                .body("errors.field", contains("purposes[1]"))
                .body("detail", not(containsString("NOT_A_PURPOSE")));
        withdrawal(subject, newRequestId(), "[\"not a code\"]").statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("detail", not(containsString("not a code")));
        asDsr().body("{\"contactIdentifiers\": []}")
                .when().post("/api/v1/subjects/{subject}/marketing-objection", subject)
                .then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", contains("requestId"));
        asDsr().body("{\"requestId\": \"ada@example.org\"}")
                .when().post("/api/v1/subjects/{subject}/marketing-objection", subject)
                .then().statusCode(400)
                .body("errors.field", contains("requestId"))
                .body(not(containsString("ada@example.org")));
        asDsr().body("{\"requestId\": \"" + newRequestId() + "\", "
                        + "\"contactIdentifiers\": [{\"type\": \"EMAIL\", \"value\": \"no-at-sign\"}]}")
                .when().post("/api/v1/subjects/{subject}/marketing-objection", subject)
                .then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-identifier"))
                .body("detail", containsString("contactIdentifiers[0]"))
                .body(not(containsString("no-at-sign")));

        // Nothing was carried out by any of them.
        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(true));
        history(subject).body("source", not(hasItem("DATA_SUBJECT_REQUEST")));
    }

    private static ValidatableResponse objection(String role, String subject, String requestId, String email,
                                                 String phone) {
        String identifiers = "{\"type\": \"EMAIL\", \"value\": \"" + email + "\"}"
                + (phone == null ? "" : ", {\"type\": \"PHONE\", \"value\": \"" + phone + "\"}");
        return as(role).body("""
                        {"requestId": "%s", "contactIdentifiers": [%s]}""".formatted(requestId, identifiers))
                .when().post("/api/v1/subjects/{subject}/marketing-objection", subject)
                .then();
    }

    private static ValidatableResponse withdrawal(String subject, String requestId, String purposes) {
        return asDsr().body("{\"requestId\": \"" + requestId + "\""
                        + (purposes == null ? "" : ", \"purposes\": " + purposes) + "}")
                .when().post("/api/v1/subjects/{subject}/consent-withdrawal", subject)
                .then();
    }

    private static ValidatableResponse screen(String email, String phone) {
        String identifiers = "{\"type\": \"EMAIL\", \"value\": \"" + email + "\"}"
                + (phone == null ? "" : ", {\"type\": \"PHONE\", \"value\": \"" + phone + "\"}");
        return as(Roles.MARKETING).body("{\"identifiers\": [" + identifiers + "]}")
                .when().post("/api/v1/suppression-list/screening")
                .then().statusCode(200);
    }

    private static RequestSpecification asDsr() {
        return given().header("Authorization", TestTokens.bearer(Roles.DSR_SERVICE)).contentType(ContentType.JSON);
    }

    /** Waits until the subject's ConsentChanged events name every one of the purposes, and returns them all. */
    private static List<EventEnvelope<?>> awaitConsentChanges(TopicProbe consents, String subject,
                                                              List<String> purposes) {
        await().atMost(Duration.ofSeconds(30)).until(() -> forSubject(consents.drain(Duration.ofMillis(100)), subject)
                .stream().map(e -> ((ConsentChanged) e.payload()).purpose()).toList().containsAll(purposes));
        return forSubject(consents.drain(Duration.ZERO), subject);
    }

    private static List<EventEnvelope<?>> forSubject(List<ConsumerRecord<String, String>> records, String subject) {
        return records.stream().filter(r -> subject.equals(r.key()))
                .<EventEnvelope<?>>map(r -> EventCodec.decode(r.value())).toList();
    }

    private static String newRequestId() {
        return "dsr-" + UUID.randomUUID();
    }
}
