package com.justelegance.privacy.consent;

import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.kit.KitConfig;
import com.justelegance.privacy.kit.inbox.DeadLetterPublisher;
import com.justelegance.privacy.kit.outbox.OutboxRelay;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.SubjectTraces;
import com.justelegance.privacy.testing.TestClock;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TestTokens;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.check;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.export;
import static com.justelegance.privacy.consent.ConsentApi.newEmail;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static com.justelegance.privacy.consent.ConsentApi.screenEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * dsr-service asks for a subject's erasure: the ledger, the proofs and the subject's key go, the suppression entry
 * stays and still matches, and ErasureCompleted says what was erased and what was kept and why; after it no table
 * names the subject. Before that, the access-request export returns everything held.
 */
@QuarkusTest
class ErasureTest {

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
    void theExportReturnsEverythingHeldAboutTheSubject() {
        String subject = newSubject();
        String email = newEmail();
        recordHistoryWithProofAndOptOut(subject, email);

        export(subject).statusCode(200)
                .body("subjectId", equalTo(subject))
                .body("currentConsents.purpose", contains("EMAIL_MARKETING"))
                .body("currentConsents[0].state", equalTo("WITHDRAWN"))
                .body("history", hasSize(2))
                .body("history[0].proof.ipPrefix", equalTo("192.0.2.0/24"))
                .body("history[0].proof.userAgent", equalTo("ErasureTestBrowser/1.0"))
                .body("receipts", hasSize(2))
                .body("receipts[1].consentReceiptID", equalTo(
                        export(subject).extract().path("history[1].decisionId")))
                .body("suppressedChannels", contains("EMAIL"));
    }

    @Test
    void afterErasureTheHistoryIsGoneAndTheSuppressionEntryRemains() {
        String subject = newSubject();
        String email = newEmail();
        recordHistoryWithProofAndOptOut(subject, email);
        String unusedLink = as(Roles.MARKETING)
                .body("{\"purpose\": \"POST_MARKETING\", \"subjectIds\": [\"" + subject + "\"]}")
                .when().post("/api/v1/unsubscribe-tokens")
                .then().statusCode(200).extract().path("links[0].token");

        ErasureCompleted receipt = requestErasure(subject, "dsr-" + UUID.randomUUID().toString().substring(0, 8));

        assertThat(receipt.service(), equalTo("consent-service"));
        assertThat(receipt.erased(), containsInAnyOrder(
                new ErasureCompleted.ErasedRecords(DataCategory.CONSENT_RECORDS, 2),
                new ErasureCompleted.ErasedRecords(DataCategory.MARKETING_PREFERENCES, 1),
                new ErasureCompleted.ErasedRecords(DataCategory.IP_ADDRESS, 1),
                new ErasureCompleted.ErasedRecords(DataCategory.DEVICE_INFO, 1),
                new ErasureCompleted.ErasedRecords(DataCategory.EMAIL, 1)));
        assertThat(receipt.withheld(), containsInAnyOrder(
                new ErasureCompleted.WithheldRecords(DataCategory.MARKETING_PREFERENCES,
                        WithheldReason.SUPPRESSION_LIST, null),
                new ErasureCompleted.WithheldRecords(DataCategory.CONSENT_RECORDS,
                        WithheldReason.ERASURE_RECORD, null)));

        export(subject).statusCode(200)
                .body("currentConsents", empty())
                .body("history", empty())
                .body("receipts", empty())
                .body("suppressedChannels", empty());
        assertThat(countRows("SELECT count(*) FROM subject_key WHERE subject_id = ?1", subject), equalTo(0L));
        assertThat(countRows("SELECT count(*) FROM consent_decision WHERE subject_id = ?1", subject), equalTo(0L));
        screenEmail(email).statusCode(200).body("suppressed[0].channels", contains("EMAIL"));

        // Nothing brings the ledger back: not a late decision, not an old unsubscribe link.
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(409)
                .body("type", equalTo("https://privacy.justelegance.com/problems/subject-erased"));
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .when().post("/api/v1/unsubscribe/{token}", unusedLink)
                .then().statusCode(200);
        assertThat(countRows("SELECT count(*) FROM consent_decision WHERE subject_id = ?1", subject), equalTo(0L));
        check(subject, "POST_MARKETING").body("allowed", equalTo(false)).body("reason", equalTo("SUBJECT_ERASED"));
        // subject_tombstone and suppression_entry keep keyed hashes (of the id, of the e-mail address), never the
        // id; so do the audit entries. The redeemed link left only its token id.
        assertThat(tablesNamingAfterOutboxCleanup(subject), anEmptyMap());
    }

    @Test
    void aRedeliveredRequestChangesNothingAndAPoisonRecordIsDeadLettered() {
        String subject = newSubject();
        decide(subject, "SMS_MARKETING", "GRANTED").statusCode(201);
        EventEnvelope<ErasureRequested> first = erasureRequested(subject, "dsr-first");
        try (TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS);
             TopicProbe deadLetters = TopicProbe.open(Topics.deadLetterTopic(Topics.ERASURE_REQUESTS))) {
            TestEvents.publish(first);
            TestEvents.publish(first);
            TestEvents.send(Topics.ERASURE_REQUESTS, subject, "{\"eventType\": \"ErasureRequested\", ");
            TestEvents.publish(erasureRequested(subject, "dsr-second"));

            // Same key, same partition: once the second request is answered, everything before it was handled.
            receipts.awaitEvent(e -> e.subjectId().equals(subject)
                    && ((ErasureCompleted) e.payload()).requestId().equals("dsr-second"));
            List<String> answered = receipts.drain(Duration.ZERO).stream()
                    .filter(r -> subject.equals(r.key()))
                    .map(r -> ((ErasureCompleted) EventCodec.decode(r.value())
                            .payload()).requestId())
                    .toList();
            assertThat(answered, contains("dsr-first", "dsr-second"));

            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> subject.equals(r.key()));
            assertThat(new String(deadLetter.headers().lastHeader(DeadLetterPublisher.TOPIC_HEADER).value(),
                    StandardCharsets.UTF_8), equalTo(Topics.ERASURE_REQUESTS));
        }
        assertThat(tablesNamingAfterOutboxCleanup(subject), anEmptyMap());
    }

    @Test
    void anOrderArrivingAfterTheErasureIsNotKeptAndNoSecondReceiptGoesOut() {
        String subject = newSubject();
        String requestId = "dsr-" + UUID.randomUUID().toString().substring(0, 8);
        requestErasure(subject, requestId);

        try (TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            ConsentEvents.placeAndAwait(entityManager, subject, "ord-" + UUID.randomUUID());

            assertThat(countRows("SELECT count(*) FROM known_order WHERE subject_id = ?1", subject), equalTo(0L));
            assertThat(receipts.drain(Duration.ofSeconds(1)).stream().filter(r -> subject.equals(r.key())).toList(),
                    empty());
        }
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/audit-log?subjectId={subject}", subject)
                .then().statusCode(200)
                .body("action", hasItems("subject.erased", "subject.re-erased"));
        assertThat(tablesNamingAfterOutboxCleanup(subject), anEmptyMap());
    }

    private static void recordHistoryWithProofAndOptOut(String subject, String email) {
        decide(subject, """
                {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED"}], "policyVersion": "2026-11",
                 "source": "REGISTRATION", "method": "ACCEPT",
                 "proof": {"ipAddress": "192.0.2.55", "userAgent": "ErasureTestBrowser/1.0"},
                 "contactIdentifiers": [{"type": "EMAIL", "value": "%s"}]}""".formatted(email)).statusCode(201);
        decide(subject, "EMAIL_MARKETING", "WITHDRAWN").statusCode(201);
    }

    private static ErasureCompleted requestErasure(String subject, String requestId) {
        EventEnvelope<ErasureRequested> request = erasureRequested(subject, requestId);
        try (TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            TestEvents.publish(request);
            // Other services answer the same request on the same topic: take consent-service's receipt.
            EventEnvelope<?> completed = receipts.awaitEvent(e -> e.subjectId().equals(subject)
                    && e.payload() instanceof ErasureCompleted c && c.requestId().equals(requestId)
                    && c.service().equals("consent-service"));
            assertThat(completed.correlationId(), equalTo(request.eventId()));
            assertThat(EventCodec.encode(completed), not(containsString("@")));
            return (ErasureCompleted) completed.payload();
        }
    }

    private static EventEnvelope<ErasureRequested> erasureRequested(String subject, String requestId) {
        return EventEnvelope.create(subject, "dsr-service", Instant.now(), UUID.randomUUID(),
                new ErasureRequested(requestId, ErasureReason.DATA_SUBJECT_REQUEST, "dsr-service"));
    }

    /**
     * The tables that still name the subject once this service's outbox rows about it (its ConsentChanged events
     * and the receipt) are sent and past the kit's keep-sent time, so the outbox cleanup deletes them.
     */
    private Map<String, Long> tablesNamingAfterOutboxCleanup(String subject) {
        return SubjectTraces.tablesNamingAfterOutboxCleanup(dataSource, subject, clock, kitConfig.outbox().keepSent(),
                outboxRelay::deleteOldSentRows);
    }

    private long countRows(String sql, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, subject).getSingleResult()).longValue());
    }
}
