package com.justelegance.privacy.consent;

import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.EventPayload;
import com.justelegance.privacy.events.ProcessingRestricted;
import com.justelegance.privacy.events.ProcessingRestrictionLifted;
import com.justelegance.privacy.events.SubjectRequestOpened;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.KitConfig;
import com.justelegance.privacy.kit.inbox.DeadLetterPublisher;
import com.justelegance.privacy.kit.outbox.OutboxRelay;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.SubjectTraces;
import com.justelegance.privacy.testing.TestClock;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.check;
import static com.justelegance.privacy.consent.ConsentApi.current;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.export;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * dsr-service restricts a subject's processing (Art. 18) with ProcessingRestricted on the subject-requests topic:
 * while any restriction is in force every consent check says no with reason RESTRICTED and the consent view says
 * the subject is restricted; lifting the last one brings the subject's own answers back, and a lift is final, even
 * one that arrives before its restriction. Poison records go to the dead-letter topic, and erasure takes the
 * restrictions with it.
 */
@QuarkusTest
class ProcessingRestrictionTest {

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelay outboxRelay;

    @Inject
    KitConfig kitConfig;

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aRestrictionRefusesEveryPurposeUntilTheLastOneIsLifted() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(true));
        check(subject, "POST_MARKETING").body("allowed", equalTo(true));

        publishAndAwait(subject, new ProcessingRestricted("dsr-first"));

        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(false)).body("reason", equalTo("RESTRICTED"))
                .body("since", notNullValue());
        check(subject, "POST_MARKETING").body("allowed", equalTo(false)).body("reason", equalTo("RESTRICTED"));
        as(Roles.MARKETING).body("{\"purpose\": \"EMAIL_MARKETING\", \"subjectIds\": [\"" + subject + "\", \""
                        + newSubject() + "\"]}")
                .when().post("/api/v1/consent-checks")
                .then().statusCode(200)
                .body("results[0].allowed", equalTo(false))
                .body("results[0].reason", equalTo("RESTRICTED"))
                .body("results[1].reason", equalTo("NO_CONSENT"));
        // The subject's choice stands; it just allows nothing for now.
        current(subject).statusCode(200)
                .body("state", contains("GRANTED"))
                .body("restricted", contains(true));

        // A second, overlapping restriction: lifting the first leaves the subject restricted.
        publishAndAwait(subject, new ProcessingRestricted("dsr-second"));
        publishAndAwait(subject, new ProcessingRestrictionLifted("dsr-first"));
        check(subject, "EMAIL_MARKETING").body("reason", equalTo("RESTRICTED"));

        publishAndAwait(subject, new ProcessingRestrictionLifted("dsr-second"));
        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(true)).body("basis", equalTo("CONSENT"));
        check(subject, "POST_MARKETING").body("allowed", equalTo(true));
        current(subject).body("restricted", contains(false));
        export(subject).statusCode(200)
                .body("restrictions.requestId", contains("dsr-first", "dsr-second"))
                .body("restrictions.liftedAt", everyItem(notNullValue()));
    }

    @Test
    void aLiftedRestrictionAnnouncedAgainDoesNotRestrictAgain() {
        String subject = newSubject();
        decide(subject, "SMS_MARKETING", "GRANTED").statusCode(201);
        publishAndAwait(subject, new ProcessingRestricted("dsr-once"));
        publishAndAwait(subject, new ProcessingRestrictionLifted("dsr-once"));

        publishAndAwait(subject, new ProcessingRestricted("dsr-once"));

        check(subject, "SMS_MARKETING").body("allowed", equalTo(true));
    }

    @Test
    void aLiftThatArrivesBeforeItsRestrictionKeepsItFromTakingHold() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        publishAndAwait(subject, new ProcessingRestrictionLifted("dsr-early"));

        publishAndAwait(subject, new ProcessingRestricted("dsr-early"));

        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(true));
        current(subject).body("restricted", contains(false));
        export(subject).body("restrictions.requestId", contains("dsr-early"))
                .body("restrictions.liftedAt", everyItem(notNullValue()));
    }

    @Test
    void otherRequestEventsAreIgnoredAndAPoisonRecordIsDeadLettered() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        try (TopicProbe deadLetters = TopicProbe.open(Topics.deadLetterTopic(Topics.SUBJECT_REQUESTS))) {
            publishAndAwait(subject, new SubjectRequestOpened("dsr-access", SubjectRequestType.ACCESS));
            TestEvents.send(Topics.SUBJECT_REQUESTS, subject, "{\"eventType\": \"ProcessingRestricted\", ");
            publishAndAwait(subject, new ProcessingRestricted("dsr-after-poison"));

            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> subject.equals(r.key()));
            assertThat(TopicProbe.header(deadLetter, DeadLetterPublisher.TOPIC_HEADER),
                    equalTo(Topics.SUBJECT_REQUESTS));
            assertThat(deadLetters.drain(Duration.ZERO).stream().filter(r -> subject.equals(r.key())).toList(),
                    hasSize(1));
        }
        // The poison record did not hold up the restriction behind it.
        check(subject, "EMAIL_MARKETING").body("reason", equalTo("RESTRICTED"));
    }

    @Test
    void erasureTakesTheRestrictionsAndTheRequestsRecordsWithIt() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        as(Roles.DSR_SERVICE).body("{\"requestId\": \"dsr-objection\"}")
                .when().post("/api/v1/subjects/{subject}/marketing-objection", subject)
                .then().statusCode(200);
        publishAndAwait(subject, new ProcessingRestricted("dsr-restriction"));

        String erasureId = "dsr-erase-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            TestEvents.publish(EventEnvelope.create(subject, "dsr-service", Instant.now(), UUID.randomUUID(),
                    new ErasureRequested(erasureId, ErasureReason.DATA_SUBJECT_REQUEST, "dsr-service")));
            receipts.awaitEvent(e -> e.subjectId().equals(subject)
                    && e.payload() instanceof ErasureCompleted c && c.requestId().equals(erasureId)
                    && c.service().equals("consent-service"));
        }

        export(subject).body("restrictions", hasSize(0)).body("history", hasSize(0));
        assertThat(SubjectTraces.tablesNamingAfterOutboxCleanup(dataSource, subject, clock,
                kitConfig.outbox().keepSent(), outboxRelay::deleteOldSentRows), anEmptyMap());

        // A restriction arriving after the erasure names nobody here.
        publishAndAwait(subject, new ProcessingRestricted("dsr-late"));
        check(subject, "POST_MARKETING").body("reason", equalTo("SUBJECT_ERASED"));
        export(subject).body("restrictions", hasSize(0));
    }

    @Test
    void theConsentViewOfAnUnrestrictedSubjectSaysSo() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        current(subject).body("restricted", contains(false));
        export(subject).body("restrictions", hasSize(0))
                .body("currentConsents.restricted", everyItem(equalTo(false)))
                .body("history[0].subjectRequestId", nullValue());
        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(true)).body("reason", nullValue());
    }

    /** dsr-service's side: publishes the event on the subject-requests topic and waits until it was applied. */
    private void publishAndAwait(String subject, EventPayload payload) {
        EventEnvelope<?> event = EventEnvelope.create(subject, "dsr-service", Instant.now(), payload);
        TestEvents.publish(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                !entityManager.createNativeQuery(
                                "SELECT 1 FROM processed_event WHERE consumer = 'subject-requests' AND event_id = ?1")
                        .setParameter(1, event.eventId()).getResultList().isEmpty()));
    }
}
