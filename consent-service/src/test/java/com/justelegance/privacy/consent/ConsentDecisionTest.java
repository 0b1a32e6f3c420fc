package com.justelegance.privacy.consent;

import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.justelegance.privacy.consent.ConsentApi.decide;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * The storefront records a consent decision; the state changes at once and ConsentChanged reaches Kafka through
 * the outbox, keyed by subject, without personal data. A repeated choice is kept as proof but publishes nothing.
 */
@QuarkusTest
class ConsentDecisionTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aGrantIsStoredAndPublishedAsConsentChanged() {
        String subject = "cust-" + UUID.randomUUID();
        try (TopicProbe consents = TopicProbe.open(Topics.CONSENT)) {
            given().auth().none().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                    .contentType(ContentType.JSON)
                    .body(decision("EMAIL_MARKETING", "GRANTED", "CHECKOUT", "ACCEPT"))
                    .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                    .then().statusCode(201)
                    .body("changedPurposes", contains("EMAIL_MARKETING"));

            ConsumerRecord<String, String> record = consents.awaitRecord(r -> subject.equals(r.key()));
            EventEnvelope<?> event = EventCodec.decode(record.value());
            assertThat(event.subjectId(), equalTo(subject));
            assertThat(event.producer(), equalTo("consent-service"));
            assertThat(event.payload(), instanceOf(ConsentChanged.class));
            ConsentChanged changed = (ConsentChanged) event.payload();
            assertThat(changed.purpose(), equalTo("EMAIL_MARKETING"));
            assertThat(changed.state(), equalTo(ConsentState.GRANTED));
            assertThat(record.value(), not(containsString("@")));
        }

        given().header("Authorization", TestTokens.bearer(Roles.MARKETING))
                .when().get("/api/v1/subjects/{subject}/consents", subject)
                .then().statusCode(200)
                .body("purpose", contains("EMAIL_MARKETING"))
                .body("state", contains("GRANTED"));
    }

    @Test
    void repeatingTheCurrentChoicePublishesNothingButAChangeDoes() {
        String subject = "cust-" + UUID.randomUUID();
        try (TopicProbe consents = TopicProbe.open(Topics.CONSENT)) {
            decide(subject, "SMS_MARKETING", "GRANTED").statusCode(201)
                    .body("changedPurposes", contains("SMS_MARKETING"));
            decide(subject, "SMS_MARKETING", "GRANTED").statusCode(201)
                    .body("changedPurposes", empty());
            decide(subject, "SMS_MARKETING", "WITHDRAWN").statusCode(201)
                    .body("changedPurposes", contains("SMS_MARKETING"));

            // The withdrawal is the subject's second event on its partition: the repeat, in between, sent nothing.
            consents.awaitEvent(e -> e.subjectId().equals(subject)
                    && ((ConsentChanged) e.payload()).state() == ConsentState.WITHDRAWN);
            List<ConsumerRecord<String, String>> forSubject = consents.drain(Duration.ZERO).stream()
                    .filter(r -> subject.equals(r.key())).toList();
            assertThat(forSubject, hasSize(2));
        }

        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .when().get("/api/v1/subjects/{subject}/consents", subject)
                .then().statusCode(200)
                .body("state", contains("WITHDRAWN"));
    }

    @Test
    void anUnknownPurposeIsRefusedWithAProblem() {
        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType(ContentType.JSON)
                .body(decision("TELEPATHY_MARKETING", "GRANTED", "CHECKOUT", "ACCEPT"))
                .when().post("/api/v1/subjects/{subject}/consent-decisions", "cust-1")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/unknown-purpose"))
                .body("detail", containsString("TELEPATHY_MARKETING"));
    }

    @Test
    void anInvalidStateOrMalformedBodyIsABadRequestNotAServerError() {
        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType(ContentType.JSON)
                .body(decision("EMAIL_MARKETING", "MAYBE", "CHECKOUT", "ACCEPT"))
                .when().post("/api/v1/subjects/{subject}/consent-decisions", "cust-1")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/unreadable-body"));

        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType(ContentType.JSON)
                .body("{\"choices\": [")
                .when().post("/api/v1/subjects/{subject}/consent-decisions", "cust-1")
                .then().statusCode(400)
                .contentType("application/problem+json");

        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType(ContentType.JSON)
                .body("{\"choices\": [], \"source\": \"CHECKOUT\", \"method\": \"ACCEPT\"}")
                .when().post("/api/v1/subjects/{subject}/consent-decisions", "cust-1")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/validation-failed"))
                .body("errors.field", contains("policyVersion"));

        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType(ContentType.JSON)
                .body("{\"choices\": [], \"policyVersion\": \"2026-11\", \"source\": \"CHECKOUT\", \"method\": \"ACCEPT\"}")
                .when().post("/api/v1/subjects/{subject}/consent-decisions", "cust-1")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/no-choices"));
    }

    @Test
    void aSubjectIdThatLooksLikeAnEmailAddressIsRefused() {
        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType(ContentType.JSON)
                .body(decision("EMAIL_MARKETING", "GRANTED", "CHECKOUT", "ACCEPT"))
                .when().post("/api/v1/subjects/{subject}/consent-decisions", "jane@example.com")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("subjectId"));
    }

    @Test
    void withoutATokenOrWithTheWrongRoleTheCallIsRefused() {
        given().contentType(ContentType.JSON)
                .body(decision("EMAIL_MARKETING", "GRANTED", "CHECKOUT", "ACCEPT"))
                .when().post("/api/v1/subjects/{subject}/consent-decisions", "cust-1")
                .then().statusCode(401)
                .contentType("application/problem+json");

        given().header("Authorization", TestTokens.expiredBearer(Roles.STOREFRONT))
                .when().get("/api/v1/subjects/{subject}/consents", "cust-1")
                .then().statusCode(401);

        given().header("Authorization", TestTokens.bearer(Roles.MARKETING))
                .contentType(ContentType.JSON)
                .body(decision("EMAIL_MARKETING", "GRANTED", "CHECKOUT", "ACCEPT"))
                .when().post("/api/v1/subjects/{subject}/consent-decisions", "cust-1")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void proofDetailsAreTruncatedAndStoredOnlyEncrypted() {
        String subject = "cust-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType(ContentType.JSON)
                .body("""
                        {"choices": [{"purpose": "PERSONALISED_EMAILS", "state": "GRANTED"}], "policyVersion": "2026-11",
                         "source": "ACCOUNT_SETTINGS", "method": "ACCEPT", "decidedAt": "2026-11-24T10:15:00Z",
                         "proof": {"ipAddress": "203.0.113.77", "userAgent": "ProofTestBrowser/2.0 (X11)"}}""")
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then().statusCode(201);

        given().header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .when().get("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then().statusCode(200)
                .body("[0].proof.ipPrefix", equalTo("203.0.113.0/24"))
                .body("[0].proof.userAgent", equalTo("ProofTestBrowser/2.0 (X11)"))
                .body("[0].wordingHash", equalTo("ac1231e8d4a6dbe3090ec6d8805b9961d51a6d5df3212f121c810ad9b6c1ee1c"))
                .body("[0].decidedAt", equalTo("2026-11-24T10:15:00Z"));

        byte[] stored = QuarkusTransaction.requiringNew().call(() -> (byte[]) entityManager.createNativeQuery(
                        "SELECT proof_ciphertext FROM consent_decision WHERE subject_id = ?1")
                .setParameter(1, subject).getSingleResult());
        String storedText = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(storedText, not(containsString("ProofTestBrowser")));
        assertThat(storedText, not(containsString("203.0.113")));
    }

    @Test
    void anUnparseableAddressInTheProofIsABadRequest() {
        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType(ContentType.JSON)
                .body("""
                        {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED"}], "policyVersion": "2026-11",
                         "source": "CHECKOUT", "method": "ACCEPT", "proof": {"ipAddress": "my-laptop.local"}}""")
                .when().post("/api/v1/subjects/{subject}/consent-decisions", "cust-1")
                .then().statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/invalid-proof"));
    }

    @Test
    void aSoftOptInGrantsOnlyWhereThePersonNeverDecidedAndOnlyWhereAllowed() {
        String newCustomer = "cust-" + UUID.randomUUID();
        String unsubscribed = "cust-" + UUID.randomUUID();
        decide(unsubscribed, "EMAIL_MARKETING", "WITHDRAWN").statusCode(201);
        for (String subject : List.of(newCustomer, unsubscribed)) {
            String order = "ord-" + UUID.randomUUID();
            ConsentEvents.placeAndAwait(entityManager, subject, order);
            softOptIn(subject, "EMAIL_MARKETING", "CHECKOUT", order).statusCode(201);
        }

        given().header("Authorization", TestTokens.bearer(Roles.MARKETING))
                .queryParam("subjectId", newCustomer).queryParam("purpose", "EMAIL_MARKETING")
                .when().get("/api/v1/consent-checks")
                .then().body("allowed", equalTo(true)).body("basis", equalTo("SOFT_OPT_IN"));
        given().header("Authorization", TestTokens.bearer(Roles.MARKETING))
                .queryParam("subjectId", unsubscribed).queryParam("purpose", "EMAIL_MARKETING")
                .when().get("/api/v1/consent-checks")
                .then().body("allowed", equalTo(false)).body("reason", equalTo("WITHDRAWN"));

        softOptIn(newCustomer, "PERSONALISED_EMAILS", "CHECKOUT", "ord-1").statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/soft-opt-in-not-allowed"));
        softOptIn(newCustomer, "SMS_MARKETING", "COOKIE_BANNER", "ord-1").statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/soft-opt-in-not-allowed"));
    }

    @Test
    void aDecisionStaffRecordAndEveryReadOfTheSubjectAreAudited() {
        String subject = "cust-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .contentType(ContentType.JSON)
                .body(decision("PHONE_MARKETING", "OBJECTED", "CUSTOMER_SERVICE", "REJECT"))
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then().statusCode(201);
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(Roles.MARKETING))
                .when().get("/api/v1/subjects/{subject}/consents", subject)
                .then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .when().get("/api/v1/subjects/{subject}/consent-receipts", subject)
                .then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/export", subject)
                .then().statusCode(200);

        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .queryParam("subjectId", subject)
                .when().get("/api/v1/audit-log")
                .then().statusCode(200)
                .body("action", contains("consent.subject.exported", "consent.receipts.read", "consent.state.read",
                        "consent.history.read", "consent.decision.recorded"))
                .body("actor", contains("test-" + Roles.PRIVACY_OFFICER, "test-" + Roles.STOREFRONT,
                        "test-" + Roles.MARKETING, "test-" + Roles.AUDITOR, "test-" + Roles.CUSTOMER_SERVICE))
                .body("details", not(hasItem(containsString(subject))));
    }

    private static ValidatableResponse softOptIn(String subject, String purpose, String source, String order) {
        return given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType(ContentType.JSON)
                .body("""
                        {"choices": [{"purpose": "%s", "state": "GRANTED"}], "policyVersion": "2026-11",
                         "source": "%s", "method": "SAVE", "softOptInOrderId": "%s"}"""
                        .formatted(purpose, source, order))
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then();
    }

    static String decision(String purpose, String state, String source, String method) {
        return """
                {"choices": [{"purpose": "%s", "state": "%s"}], "policyVersion": "2026-11",
                 "source": "%s", "method": "%s", "decidedAt": "2026-11-24T10:15:00Z"}
                """.formatted(purpose, state, source, method);
    }
}
