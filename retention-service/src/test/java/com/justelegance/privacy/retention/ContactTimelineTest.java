package com.justelegance.privacy.retention;

import com.justelegance.privacy.events.AccountClosed;
import com.justelegance.privacy.events.AccountOpened;
import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.AccountClosureReason;
import com.justelegance.privacy.kit.inbox.DeadLetterPublisher;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TestTokens;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.justelegance.privacy.retention.RetentionEvents.consentChanged;
import static com.justelegance.privacy.retention.RetentionEvents.newSubject;
import static com.justelegance.privacy.retention.RetentionEvents.order;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Events from consent-service and the storefront move a subject's last contact, account state and erasure due
 * date, through the idempotent inbox: a redelivered event changes nothing, an older event never moves the date
 * back, and a malformed record goes to the dead-letter topic while the next good one is still applied.
 */
@QuarkusTest
class ContactTimelineTest {

    private static final Instant NOV_24 = Instant.parse("2026-11-24T10:15:00Z");

    @Test
    void aConsentChangeRecordsTheSubjectsLastContact() {
        String subject = newSubject();

        TestEvents.publish(consentChanged(subject, NOV_24));

        awaitLastContact(subject, NOV_24)
                .body("entries", hasSize(1))
                .body("entries[0].kind", equalTo("ConsentChanged"));
    }

    @Test
    void theErasureDueDateWaitsForAnOpenAccountAndThenRunsSixYearsFromTheLastContact() {
        String subject = newSubject();
        Instant closed = NOV_24.plus(Duration.ofDays(30));

        TestEvents.publish(EventEnvelope.create(subject, "storefront", NOV_24, new AccountOpened("acc-" + subject)));
        awaitLastContact(subject, NOV_24)
                .body("accountOpen", equalTo(true))
                .body("erasureDueAt", nullValue());

        TestEvents.publish(EventEnvelope.create(subject, "storefront", closed,
                new AccountClosed("acc-" + subject, AccountClosureReason.CUSTOMER_REQUEST)));
        awaitLastContact(subject, closed)
                .body("accountOpen", equalTo(false))
                .body("accountClosedAt", equalTo(closed.toString()))
                .body("erasureDueAt", equalTo("2032-12-24T10:15:00Z"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String subject = newSubject();
        EventEnvelope<ConsentChanged> event = consentChanged(subject, NOV_24);
        Instant later = NOV_24.plus(Duration.ofDays(3));
        try (TopicProbe deadLetters = TopicProbe.open(Topics.deadLetterTopic(Topics.CONSENT))) {
            TestEvents.publish(event);
            TestEvents.publish(event);
            TestEvents.publish(consentChanged(subject, later));

            // Same key, same partition: once the third event is applied, the redelivery before it was handled.
            awaitLastContact(subject, later).body("entries", hasSize(2));
            // A poison record sent last is dead-lettered after anything the redelivery could have caused: once it
            // shows, every earlier dead letter of this subject would have shown too.
            String marker = "poison-marker-" + UUID.randomUUID();
            TestEvents.send(Topics.CONSENT, subject, marker);
            List<ConsumerRecord<String, String>> deadLettered = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                deadLettered.addAll(deadLetters.drain(Duration.ofMillis(100)));
                return deadLettered.stream().anyMatch(r -> marker.equals(r.value()));
            });
            assertThat(deadLettered.stream()
                    .filter(r -> subject.equals(r.key()) && !marker.equals(r.value())).toList(), empty());
        }
    }

    @Test
    void anOlderEventArrivingLateNeverMovesTheDateBackwards() {
        String subject = newSubject();
        Instant earlier = NOV_24.minus(Duration.ofDays(400));

        TestEvents.publish(order(subject, NOV_24));
        TestEvents.publish(consentChanged(subject, earlier));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> timeline(subject).statusCode(200)
                .body("entries", hasSize(2))
                .body("lastContactAt", equalTo(NOV_24.toString())));
    }

    @Test
    void aMalformedRecordIsDeadLetteredAndTheNextGoodOneIsStillApplied() {
        String subject = newSubject();
        try (TopicProbe deadLetters = TopicProbe.open(Topics.deadLetterTopic(Topics.STOREFRONT_ACTIVITY))) {
            TestEvents.send(Topics.STOREFRONT_ACTIVITY, subject, "{\"eventType\": \"OrderPlaced\", \"oops\": ");
            TestEvents.publish(order(subject, NOV_24));

            awaitLastContact(subject, NOV_24);
            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> subject.equals(r.key()));
            assertThat(TopicProbe.header(deadLetter, DeadLetterPublisher.TOPIC_HEADER), equalTo(Topics.STOREFRONT_ACTIVITY));
            assertThat(TopicProbe.header(deadLetter, DeadLetterPublisher.REASON_HEADER).startsWith("Malformed JSON"),
                    equalTo(true));
        }
    }

    @Test
    void anEventWithPersonalDataInItsIdsIsDeadLetteredNotStored() {
        String subject = newSubject();
        String leaky = EventCodec.encode(order(subject, NOV_24))
                .replace("\"subjectId\":\"" + subject + "\"", "\"subjectId\":\"jane.doe@example.com\"");
        try (TopicProbe deadLetters = TopicProbe.open(Topics.deadLetterTopic(Topics.STOREFRONT_ACTIVITY))) {
            TestEvents.send(Topics.STOREFRONT_ACTIVITY, subject, leaky);
            TestEvents.publish(order(subject, NOV_24));

            awaitLastContact(subject, NOV_24).body("entries", hasSize(1));
            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> subject.equals(r.key()));
            assertThat(TopicProbe.header(deadLetter, DeadLetterPublisher.REASON_HEADER).contains("@"), equalTo(false));
        }
    }

    @Test
    void onlyThePrivacyOfficerAndAuditorsReadTimelines() {
        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .when().get("/api/v1/subjects/{subject}/timeline", "cust-1")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/subjects/{subject}/timeline", newSubject())
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse awaitLastContact(String subject, Instant expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> timeline(subject).statusCode(200)
                .body("lastContactAt", equalTo(expected.toString())));
        return timeline(subject);
    }

    private static io.restassured.response.ValidatableResponse timeline(String subject) {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/timeline", subject)
                .then();
    }
}
