package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.ProcessingRestricted;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;
import com.justelegance.privacy.kit.inbox.DeadLetterPublisher;
import com.justelegance.privacy.testing.AuditTrail;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.justelegance.privacy.disclosure.DisclosureEvents.consentChanged;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newId;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newSubject;
import static com.justelegance.privacy.disclosure.DisclosureEvents.orderPlaced;
import static com.justelegance.privacy.disclosure.DisclosureEvents.processingRestricted;
import static com.justelegance.privacy.disclosure.DisclosureEvents.restrictionLifted;
import static com.justelegance.privacy.disclosure.DisclosureEvents.subjectRequestOpened;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.notices;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.recordDisclosure;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.register;
import static com.justelegance.privacy.disclosure.RemovalNoticesTest.check;
import static com.justelegance.privacy.disclosure.RemovalNoticesTest.upload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * A restriction of processing (Art. 18) from dsr-service, on the subject-requests topic: while any restriction of
 * the subject is not lifted, every share and upload refuses them as RESTRICTED, and each restriction tells every
 * recipient that already received their data (Art. 19), tracked like the other notices. Lifting the last one makes
 * them shareable again as their consent says. Requests opening and closing on the same topic change nothing here,
 * and a poison record there is dead-lettered.
 */
@QuarkusTest
class RestrictionTest {

    private static final String AUDIENCES = "SOCIAL_MEDIA_AUDIENCES";
    private static final Instant GRANTED_AT = Instant.parse("2026-11-01T09:00:00Z");

    @Test
    void whileRestrictedNothingIsSharedAndEveryEarlierRecipientIsToldUntilTheLastRestrictionIsLifted() {
        String subject = newSubject();
        String firstRestriction = newId("dsr");
        String secondRestriction = newId("dsr");
        try (RecipientApiServer api = RecipientApiServer.answering()) {
            String apiRecipient = register("REFERENCE_AGENCY", "API", api.noticeUrl());
            recordDisclosure(subject, apiRecipient, "LEGITIMATE_INTEREST", newId("chk"), false);
            TestEvents.publish(orderPlaced(subject, newId("ord"), SalesChannel.WEBSITE, Courier.DPD,
                    PaymentProvider.PAYPAL));
            TestEvents.publish(consentChanged(subject, AUDIENCES, ConsentState.GRANTED, GRANTED_AT));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                check(subject, "FACEBOOK", AUDIENCES).body("allowed", equalTo(true));
                OrderLedgerTest.disclosures(subject).body("$", hasSize(3));
            });
            upload("FACEBOOK", AUDIENCES, newId("upl"), subject).body("allowed", contains(subject));
            EventEnvelope<ProcessingRestricted> restricted = processingRestricted(subject, firstRestriction);

            TestEvents.publish(restricted);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(subject, "FACEBOOK", AUDIENCES)
                    .body("allowed", equalTo(false))
                    .body("reason", equalTo("RESTRICTED"))
                    .body("consentState", equalTo("GRANTED")));
            notices(subject)
                    .body("recipient", containsInAnyOrder("DPD", "PAYPAL", "FACEBOOK", apiRecipient))
                    .body("kind", everyItem(equalTo("RESTRICTION")))
                    .body("requestId", everyItem(equalTo(firstRestriction)));
            String instagramUpload = newId("upl");
            upload("INSTAGRAM", AUDIENCES, instagramUpload, subject)
                    .body("allowed", empty())
                    .body("refused[0].subjectId", equalTo(subject))
                    .body("refused[0].reason", equalTo("RESTRICTED"));
            OrderLedgerTest.disclosures(subject).body("reference", not(hasItem(instagramUpload)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notices(subject)
                    .body("find { it.recipient == '" + apiRecipient + "' }.status", equalTo("ACKNOWLEDGED")));
            assertThat(api.received().get(0).body().get("kind").asText(), equalTo("RESTRICTION"));
            assertThat(api.received().get(0).body().get("requestId").asText(), equalTo(firstRestriction));

            // A second restriction overlaps the first; the first is redelivered meanwhile, and lifted.
            TestEvents.publish(processingRestricted(subject, secondRestriction));
            TestEvents.publish(restricted);
            TestEvents.publish(restrictionLifted(subject, firstRestriction));
            awaitLifted(subject, firstRestriction);

            check(subject, "FACEBOOK", AUDIENCES).body("reason", equalTo("RESTRICTED"));
            notices(subject).body("$", hasSize(8))
                    .body("findAll { it.requestId == '" + secondRestriction + "' }.recipient",
                            containsInAnyOrder("DPD", "PAYPAL", "FACEBOOK", apiRecipient));

            TestEvents.publish(restrictionLifted(subject, secondRestriction));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(subject, "FACEBOOK", AUDIENCES)
                    .body("allowed", equalTo(true))
                    .body("reason", equalTo("CONSENT_GRANTED")));
            upload("INSTAGRAM", AUDIENCES, newId("upl"), subject).body("allowed", contains(subject));
            notices(subject).body("$", hasSize(8));
        }
    }

    @Test
    void aLiftThatArrivesBeforeItsRestrictionLeavesTheSubjectShareable() {
        String subject = newSubject();
        String request = newId("dsr");
        TestEvents.publish(orderPlaced(subject, newId("ord"), SalesChannel.WEBSITE, Courier.DPD, null));
        TestEvents.publish(consentChanged(subject, AUDIENCES, ConsentState.GRANTED, GRANTED_AT));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(subject, "FACEBOOK", AUDIENCES)
                .body("allowed", equalTo(true)));

        TestEvents.publish(restrictionLifted(subject, request));
        TestEvents.publish(processingRestricted(subject, request));
        // Something after them on the same partition that shows when they have been applied.
        String marker = newId("dsr");
        TestEvents.publish(restrictionLifted(subject, marker));
        awaitLifted(subject, marker);

        check(subject, "FACEBOOK", AUDIENCES).body("allowed", equalTo(true));
        notices(subject).body("$", empty());
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndOpenedRequestsAreIgnoredWhileTheNextRestrictionIsApplied() {
        String subject = newSubject();
        try (TopicProbe deadLetters = TopicProbe.open(Topics.deadLetterTopic(Topics.SUBJECT_REQUESTS))) {
            TestEvents.send(Topics.SUBJECT_REQUESTS, subject,
                    "{\"eventType\": \"ProcessingRestricted\", \"payload\": 7}");
            TestEvents.publish(subjectRequestOpened(subject, newId("dsr")));
            TestEvents.publish(processingRestricted(subject, newId("dsr")));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(subject, "PINTEREST", AUDIENCES)
                    .body("reason", equalTo("RESTRICTED")));
            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> subject.equals(r.key())
                    && "disclosure-service/subject-requests"
                    .equals(TopicProbe.header(r, DeadLetterPublisher.CONSUMER_HEADER)));
            assertThat(TopicProbe.header(deadLetter, DeadLetterPublisher.TOPIC_HEADER),
                    equalTo(Topics.SUBJECT_REQUESTS));
            // The opened request is not this service's business, but no failure either: only the poison went.
            assertThat(deadLetters.drain(Duration.ofSeconds(1)).stream()
                    .filter(r -> subject.equals(r.key())).count(), equalTo(1L));
        }
        // Nothing was disclosed, so there was no one to tell.
        notices(subject).body("$", empty());
    }

    /** Waits until the lift of the request has been applied (its audit entry is written in the same transaction). */
    private static void awaitLifted(String subject, String request) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                AuditTrail.entries("disclosure.restriction.lifted", subject, request) == 1);
    }
}
