package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.justelegance.privacy.disclosure.DisclosureEvents.consentChanged;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newId;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newSubject;
import static com.justelegance.privacy.disclosure.DisclosureEvents.orderPlaced;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.notices;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * A consent taken away (withdrawn, objected to, refused), whether in the storefront's settings or through a
 * data-subject request, sends a removal notice to each recipient that received the subject in an audience upload
 * under that consent, listing those uploads, and to no one else; an API recipient acknowledges it like any notice.
 * A redelivered or repeated withdrawal tells no recipient twice about the same upload.
 */
@QuarkusTest
class RemovalNoticesTest {

    private static final String AUDIENCES = "SOCIAL_MEDIA_AUDIENCES";
    private static final String ANALYTICS = "ANALYTICS_COOKIES";
    private static final Instant GRANTED_AT = Instant.parse("2026-11-01T09:00:00Z");

    @Test
    void aWithdrawalInTheStorefrontTellsExactlyTheRecipientsOfEarlierUploadsUnderThatConsent() {
        String subject = newSubject();
        String stayingIn = newSubject();
        String facebookUpload = newId("upl");
        String apiUpload = newId("upl");
        String analyticsUpload = newId("upl");
        try (RecipientApiServer api = RecipientApiServer.answering()) {
            String apiRecipient = registerAudienceRecipient(api.noticeUrl());
            TestEvents.publish(orderPlaced(subject, newId("ord"), SalesChannel.WEBSITE, Courier.DPD,
                    PaymentProvider.PAYPAL));
            grant(subject, AUDIENCES);
            grant(subject, ANALYTICS);
            grant(stayingIn, AUDIENCES);
            awaitAllowed(subject, "FACEBOOK", AUDIENCES);
            awaitAllowed(subject, "GOOGLE_ANALYTICS", ANALYTICS);
            awaitAllowed(stayingIn, "FACEBOOK", AUDIENCES);
            upload("FACEBOOK", AUDIENCES, facebookUpload, subject, stayingIn).body("allowed", hasSize(2));
            upload(apiRecipient, AUDIENCES, apiUpload, subject).body("allowed", contains(subject));
            upload("GOOGLE_ANALYTICS", ANALYTICS, analyticsUpload, subject).body("allowed", contains(subject));
            EventEnvelope<ConsentChanged> withdrawal = consentChanged(subject, AUDIENCES, ConsentState.WITHDRAWN,
                    GRANTED_AT.plusSeconds(60), ConsentSource.ACCOUNT_SETTINGS);

            TestEvents.publish(withdrawal);

            // Both notices are created in one transaction: once one is there, the list is complete.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notices(subject).body("$", not(empty())));
            notices(subject)
                    .body("recipient", containsInAnyOrder("FACEBOOK", apiRecipient))
                    .body("kind", everyItem(equalTo("REMOVAL")))
                    .body("requestId", everyItem(equalTo(withdrawal.payload().decisionId())))
                    .body("find { it.recipient == 'FACEBOOK' }.status", equalTo("TASK_OPEN"))
                    .body("find { it.recipient == 'FACEBOOK' }.recipientReferences", contains(facebookUpload))
                    .body("find { it.recipient == 'FACEBOOK' }.dataCategories", contains("EMAIL", "PHONE"));
            // The API recipient is told through its API and acknowledges, like any other notice.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notices(subject)
                    .body("find { it.recipient == '" + apiRecipient + "' }.status", equalTo("ACKNOWLEDGED")));
            assertThat(api.received(), hasSize(1));
            assertThat(api.received().get(0).body().get("kind").asText(), equalTo("REMOVAL"));
            assertThat(api.received().get(0).body().get("references").get(0).asText(), equalTo(apiUpload));
            assertThat(api.received().get(0).body().toString().contains(subject), equalTo(false));
        }
        // Whoever did not withdraw stays in the upload and nobody is told about them.
        notices(stayingIn).body("$", empty());
        check(subject, "GOOGLE_ANALYTICS", ANALYTICS).body("allowed", equalTo(true));
    }

    @Test
    void anObjectionThroughADataSubjectRequestTellsTheRecipientsOfEarlierUploadsToo() {
        String subject = newSubject();
        String instagramUpload = newId("upl");
        String pinterestUpload = newId("upl");
        grant(subject, AUDIENCES);
        awaitAllowed(subject, "INSTAGRAM", AUDIENCES);
        upload("INSTAGRAM", AUDIENCES, instagramUpload, subject).body("allowed", contains(subject));
        upload("PINTEREST", AUDIENCES, pinterestUpload, subject).body("allowed", contains(subject));

        TestEvents.publish(consentChanged(subject, AUDIENCES, ConsentState.OBJECTED, GRANTED_AT.plusSeconds(60),
                ConsentSource.DATA_SUBJECT_REQUEST));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notices(subject).body("$", not(empty())));
        notices(subject)
                .body("recipient", containsInAnyOrder("INSTAGRAM", "PINTEREST"))
                .body("kind", everyItem(equalTo("REMOVAL")))
                .body("find { it.recipient == 'INSTAGRAM' }.recipientReferences", contains(instagramUpload))
                .body("find { it.recipient == 'PINTEREST' }.recipientReferences", contains(pinterestUpload));
        check(subject, "INSTAGRAM", AUDIENCES).body("allowed", equalTo(false));
    }

    @Test
    void aRedeliveredOrRepeatedWithdrawalTellsNoRecipientTwiceAboutTheSameUpload() {
        String subject = newSubject();
        String firstUpload = newId("upl");
        String laterUpload = newId("upl");
        grant(subject, AUDIENCES);
        awaitAllowed(subject, "FACEBOOK", AUDIENCES);
        upload("FACEBOOK", AUDIENCES, firstUpload, subject).body("allowed", contains(subject));
        EventEnvelope<ConsentChanged> withdrawal = consentChanged(subject, AUDIENCES, ConsentState.WITHDRAWN,
                GRANTED_AT.plusSeconds(60));

        TestEvents.publish(withdrawal);
        TestEvents.publish(withdrawal);
        // A second way of saying no, later: an objection after the withdrawal.
        TestEvents.publish(consentChanged(subject, AUDIENCES, ConsentState.OBJECTED, GRANTED_AT.plusSeconds(120)));
        grantAndAwaitAnalytics(subject);

        notices(subject).body("$", hasSize(1))
                .body("[0].recipient", equalTo("FACEBOOK"))
                .body("[0].requestId", equalTo(withdrawal.payload().decisionId()))
                .body("[0].recipientReferences", contains(firstUpload));

        // Granted again and uploaded again, then withdrawn again: only the new upload is news to the recipient.
        TestEvents.publish(consentChanged(subject, AUDIENCES, ConsentState.GRANTED, GRANTED_AT.plusSeconds(180)));
        awaitAllowed(subject, "FACEBOOK", AUDIENCES);
        upload("FACEBOOK", AUDIENCES, laterUpload, subject).body("allowed", contains(subject));
        TestEvents.publish(consentChanged(subject, AUDIENCES, ConsentState.WITHDRAWN, GRANTED_AT.plusSeconds(240)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notices(subject).body("$", hasSize(2)));
        notices(subject).body("recipientReferences", containsInAnyOrder(List.of(firstUpload), List.of(laterUpload)));
    }

    @Test
    void aRefusalOrWithdrawalWithNoUploadBehindItTellsNoOne() {
        String subject = newSubject();
        String refusedOnly = newSubject();
        TestEvents.publish(orderPlaced(subject, newId("ord"), SalesChannel.WEBSITE, Courier.ROYAL_MAIL,
                PaymentProvider.WORLDPAY));
        grant(subject, AUDIENCES);
        awaitAllowed(subject, "FACEBOOK", AUDIENCES);

        TestEvents.publish(consentChanged(subject, AUDIENCES, ConsentState.WITHDRAWN, GRANTED_AT.plusSeconds(60)));
        TestEvents.publish(consentChanged(refusedOnly, AUDIENCES, ConsentState.DENIED, GRANTED_AT));
        grantAndAwaitAnalytics(subject);
        grantAndAwaitAnalytics(refusedOnly);

        notices(subject).body("$", empty());
        notices(refusedOnly).body("$", empty());
    }

    /**
     * Grants analytics consent and waits until the answer says so: the subject's consent events before it are on
     * the same partition, so they have all been applied by then.
     */
    private static void grantAndAwaitAnalytics(String subject) {
        TestEvents.publish(consentChanged(subject, ANALYTICS, ConsentState.GRANTED, GRANTED_AT.plusSeconds(300)));
        awaitAllowed(subject, "GOOGLE_ANALYTICS", ANALYTICS);
    }

    private static void grant(String subject, String purpose) {
        TestEvents.publish(consentChanged(subject, purpose, ConsentState.GRANTED, GRANTED_AT));
    }

    private static void awaitAllowed(String subject, String recipient, String purpose) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(subject, recipient, purpose)
                .body("allowed", equalTo(true)));
    }

    static ValidatableResponse check(String subject, String recipient, String purpose) {
        return DisclosureApi.as(Roles.MARKETING)
                .when().get("/api/v1/sharing-checks?subjectId={s}&recipient={r}&purpose={p}", subject, recipient,
                        purpose)
                .then().statusCode(200);
    }

    static ValidatableResponse upload(String recipient, String purpose, String uploadId, String... subjects) {
        return DisclosureApi.as(Roles.MARKETING)
                .body("""
                        {"recipient": "%s", "purpose": "%s", "uploadId": "%s", "subjectIds": [%s]}
                        """.formatted(recipient, purpose, uploadId,
                        String.join(", ", List.of(subjects).stream().map(s -> '"' + s + '"').toList())))
                .when().post("/api/v1/audience-uploads")
                .then().statusCode(200);
    }

    /** Registers a social platform that takes audience uploads on consent and notices through its API. */
    private static String registerAudienceRecipient(String noticeUrl) {
        String code = "TEST_" + newId("A").replace("-", "_").toUpperCase().substring(0, 20);
        DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body("""
                        {"code": "%s", "displayName": "Test audience platform", "category": "SOCIAL",
                         "role": "INDEPENDENT_CONTROLLER", "dataCategories": ["EMAIL", "PHONE"],
                         "purpose": "Matching customers to audiences", "lawfulBasis": "CONSENT",
                         "consentPurpose": "%s", "country": "GB", "transferSafeguard": "NOT_A_TRANSFER",
                         "noticeChannel": "API", "noticeAddress": "%s", "noticeResponseDays": 30}
                        """.formatted(code, AUDIENCES, noticeUrl))
                .when().post("/api/v1/recipients")
                .then().statusCode(201);
        return code;
    }
}
