package com.justelegance.privacy.retention;

import com.justelegance.privacy.events.AccountClosed;
import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.AccountClosureReason;
import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.events.codes.ComplaintStatus;
import com.justelegance.privacy.events.codes.ConsentMethod;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.kit.KitConfig;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.outbox.OutboxRelay;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.SubjectTraces;
import com.justelegance.privacy.testing.TestClock;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TestTokens;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

import static com.justelegance.privacy.retention.RetentionApi.awaitDueDate;
import static com.justelegance.privacy.retention.RetentionApi.holds;
import static com.justelegance.privacy.retention.RetentionApi.runPurge;
import static com.justelegance.privacy.retention.RetentionApi.timeline;
import static com.justelegance.privacy.retention.RetentionEvents.complaint;
import static com.justelegance.privacy.retention.RetentionEvents.newSubject;
import static com.justelegance.privacy.retention.RetentionEvents.order;
import static com.justelegance.privacy.retention.RetentionEvents.requestOpened;
import static com.justelegance.privacy.retention.RetentionEvents.yearsAfter;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Erasure on this service's side and its proof: an ErasureRequested deletes the subject's timeline and leaves only
 * a tombstone (the keyed hash of the subject id, when, why) and ErasureCompleted goes out; the receipts of every
 * service close an erasure the purge requested; and data that reappears for an erased subject is requested for
 * erasure again by the next run, which says so in the run log.
 */
@QuarkusTest
class ErasureTest {

    private static final Instant LONG_AGO = Instant.parse("1995-03-01T10:00:00Z");
    private static final Instant SIX_YEARS_AND_A_DAY_LATER = Instant.parse("2001-03-02T10:00:00Z");
    private static final List<String> TABLES_WITH_SUBJECT_IDS = List.of("timeline_entry", "subject_timeline",
            "complaint_hold", "subject_request_hold", "legal_hold");

    @Inject
    TestClock clock;

    @Inject
    KeyedHash keyedHash;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelay outboxRelay;

    @Inject
    KitConfig kitConfig;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void anErasureRequestFromDsrServiceLeavesOnlyATombstoneAndIsAnsweredWithAReceipt() {
        String subject = newSubject();
        String requestId = "dsr-" + UUID.randomUUID();
        TestEvents.publish(order(subject, LONG_AGO));
        TestEvents.publish(complaint(subject, LONG_AGO, ComplaintStatus.OPEN, "cmp-" + UUID.randomUUID()));
        TestEvents.publish(requestOpened(subject, LONG_AGO, requestId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> holds(subject)
                .body("openComplaints", hasSize(1))
                .body("openRequests", hasSize(1)));
        timeline(subject).body("entries", hasSize(2));
        // A released hold no longer holds anything back, so the erasure takes it too.
        RetentionApi.releaseLegalHold(RetentionApi.placeLegalHold(subject));
        for (String table : TABLES_WITH_SUBJECT_IDS) {
            assertThat(table, rowsAbout(table, subject), greaterThanOrEqualTo(1L));
        }

        try (TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            TestEvents.publish(EventEnvelope.create(subject, "dsr-service", Instant.now(),
                    new ErasureRequested(requestId, ErasureReason.DATA_SUBJECT_REQUEST, "dsr-service")));

            EventEnvelope<?> event = receipts.awaitEvent(e -> e.payload() instanceof ErasureCompleted receipt
                    && receipt.requestId().equals(requestId));
            ErasureCompleted receipt = (ErasureCompleted) event.payload();
            assertThat(event.subjectId(), equalTo(subject));
            assertThat(receipt.service(), equalTo("retention-service"));
            // Two entries and the timeline row, the complaint, the open request and the released legal hold.
            assertThat(receipt.erased(), contains(new ErasureCompleted.ErasedRecords(
                    DataCategory.RETENTION_TIMELINE, 6)));
            assertThat(receipt.withheld(), contains(new ErasureCompleted.WithheldRecords(
                    DataCategory.RETENTION_TIMELINE, WithheldReason.ERASURE_RECORD, null)));
        }

        timeline(subject).statusCode(404);
        holds(subject).body("held", equalTo(false));
        for (String table : TABLES_WITH_SUBJECT_IDS) {
            assertThat(table, rowsAbout(table, subject), equalTo(0L));
        }
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/subjects/{subject}/erasure", subject)
                .then().statusCode(200)
                .body("subjectRef", equalTo(keyedHash.subjectRef(subject)))
                .body("reason", equalTo("DATA_SUBJECT_REQUEST"))
                .body("requestId", equalTo(requestId))
                .body("erasures", equalTo(1));
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/audit-log?subjectId={subject}", subject)
                .then().statusCode(200)
                .body("action", hasItem("subject.erased"))
                .body("subjectRef", everyItem(equalTo(keyedHash.subjectRef(subject))));
        // The tombstone, the erasure's audit entries: keyed hashes only.
        assertThat(tablesNamingAfterOutboxCleanup(subject), anEmptyMap());
    }

    @Test
    void anActiveLegalHoldIsKeptAndTheReceiptSaysWhy() {
        String subject = newSubject();
        String requestId = "dsr-" + UUID.randomUUID();
        TestEvents.publish(order(subject, LONG_AGO));
        awaitDueDate(subject, yearsAfter(LONG_AGO, 6));
        RetentionApi.placeLegalHold(subject);

        try (TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            TestEvents.publish(EventEnvelope.create(subject, "dsr-service", Instant.now(),
                    new ErasureRequested(requestId, ErasureReason.DATA_SUBJECT_REQUEST, "dsr-service")));

            ErasureCompleted receipt = (ErasureCompleted) receipts.awaitEvent(e -> e.payload()
                    instanceof ErasureCompleted completed && completed.requestId().equals(requestId)).payload();
            assertThat(receipt.withheld(), hasItem(new ErasureCompleted.WithheldRecords(
                    DataCategory.RETENTION_TIMELINE, WithheldReason.LEGAL_HOLD, null)));
        }
        timeline(subject).statusCode(404);
        holds(subject).body("held", equalTo(true));
        // The active hold names the subject on purpose: it is what keeps the other services' data, until released.
        assertThat(tablesNamingAfterOutboxCleanup(subject), equalTo(Map.of("legal_hold", 1L)));
    }

    @Test
    void aPurgedSubjectsErasureIsClosedOnceEveryServiceHasSentItsReceipt() {
        String subject = newSubject();
        TestEvents.publish(order(subject, LONG_AGO));
        awaitDueDate(subject, yearsAfter(LONG_AGO, 6));
        clock.standAt(SIX_YEARS_AND_A_DAY_LATER);

        String requestId;
        String runId;
        try (TopicProbe requests = TopicProbe.open(Topics.ERASURE_REQUESTS)) {
            runId = runPurge().extract().path("runId");
            requestId = ((ErasureRequested) requests.awaitEvent(e -> e.subjectId().equals(subject)).payload())
                    .requestId();
        }
        // This service erases its own timeline from the request and sends its receipt; the others have not yet.
        awaitErasureRequest(requestId, response -> response
                .body("receipts.service", contains("retention-service"))
                .body("awaiting", containsInAnyOrder("consent-service", "disclosure-service", "storefront"))
                .body("closedAt", nullValue())
                .body("overdue", equalTo(false)));
        timeline(subject).statusCode(404);
        assertThat(overdueErasures(), not(hasItem(requestId)));
        // A day later the missing receipts make the erasure overdue, for the privacy officer to chase.
        clock.standAt(SIX_YEARS_AND_A_DAY_LATER.plus(Duration.ofHours(25)));
        awaitErasureRequest(requestId, response -> response.body("overdue", equalTo(true)));
        assertThat(overdueErasures(), hasItem(requestId));

        TestEvents.publish(consentServiceReceipt(subject, requestId));
        TestEvents.publish(disclosureServiceReceipt(subject, requestId));
        // Every service of this back office has answered, but the storefront holds the customer's data too: until
        // it confirms, the erasure is not done, and it stays overdue.
        awaitErasureRequest(requestId, response -> response
                .body("receipts.service", containsInAnyOrder("retention-service", "consent-service",
                        "disclosure-service"))
                .body("awaiting", contains("storefront"))
                .body("closedAt", nullValue())
                .body("overdue", equalTo(true)));
        assertThat(overdueErasures(), hasItem(requestId));

        TestEvents.publish(storefrontReceipt(subject, requestId));

        awaitErasureRequest(requestId, response -> response
                .body("subjectRef", equalTo(keyedHash.subjectRef(subject)))
                .body("reason", equalTo("RETENTION_EXPIRED"))
                .body("runId", equalTo(runId))
                .body("awaiting", empty())
                .body("closedAt", notNullValue())
                .body("overdue", equalTo(false))
                .body("receipts.find { it.service == 'consent-service' }.erased.category", containsInAnyOrder(
                        "CONSENT_RECORDS", "MARKETING_PREFERENCES", "IP_ADDRESS", "DEVICE_INFO", "EMAIL"))
                .body("receipts.find { it.service == 'consent-service' }.withheld.reason",
                        containsInAnyOrder("SUPPRESSION_LIST", "ERASURE_RECORD"))
                .body("receipts.find { it.service == 'disclosure-service' }.erased.category",
                        containsInAnyOrder("DISCLOSURE_RECORDS", "CONSENT_RECORDS"))
                .body("receipts.find { it.service == 'disclosure-service' }.withheld.category",
                        contains("DISCLOSURE_RECORDS"))
                .body("receipts.find { it.service == 'storefront' }.erased.category", containsInAnyOrder(
                        "CONTACT_NAME", "EMAIL", "DELIVERY_ADDRESS", "PURCHASE_HISTORY")));
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/purge-runs/{run}", runId)
                .then().statusCode(200)
                .body("erasuresConfirmed", greaterThanOrEqualTo(1));
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/purge-runs/{run}/erasure-requests", runId)
                .then().statusCode(200)
                .body("requestId", hasItem(requestId));
        assertThat(overdueErasures(), not(hasItem(requestId)));
        assertThat(tablesNamingAfterOutboxCleanup(subject), anEmptyMap());
    }

    @Test
    void aLateEventForAnErasedSubjectGetsItErasedAgainAndTheRunLogSaysSo() {
        String subject = newSubject();
        String firstRequest = "dsr-" + UUID.randomUUID();
        TestEvents.publish(order(subject, LONG_AGO));
        awaitDueDate(subject, yearsAfter(LONG_AGO, 6));
        clock.standAt(SIX_YEARS_AND_A_DAY_LATER);
        eraseAtDsrRequest(subject, firstRequest);

        TestEvents.publish(order(subject, LONG_AGO.plus(Duration.ofDays(2))));
        awaitDueDate(subject, SIX_YEARS_AND_A_DAY_LATER);

        try (TopicProbe requests = TopicProbe.open(Topics.ERASURE_REQUESTS)) {
            String runId = runPurge()
                    .body("reerasuresRequested", greaterThanOrEqualTo(1))
                    .extract().path("runId");
            ErasureRequested again = (ErasureRequested) requests.awaitEvent(e -> e.subjectId().equals(subject))
                    .payload();
            assertThat(again.reason(), equalTo(ErasureReason.DATA_REAPPEARED_AFTER_ERASURE));
            given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                    .when().get("/api/v1/purge-runs")
                    .then().statusCode(200)
                    .body("find { it.runId == '" + runId + "' }.reerasuresRequested", greaterThanOrEqualTo(1));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/subjects/{subject}/erasure", subject)
                .then().statusCode(200)
                .body("erasures", equalTo(2))
                .body("reason", equalTo("DATA_REAPPEARED_AFTER_ERASURE")));
        timeline(subject).statusCode(404);
        assertThat(tablesNamingAfterOutboxCleanup(subject), anEmptyMap());
    }

    @Test
    void theStorefrontConfirmingAnErasureIsNotDataReappearing() {
        String subject = newSubject();
        TestEvents.publish(order(subject, LONG_AGO));
        awaitDueDate(subject, yearsAfter(LONG_AGO, 6));
        eraseAtDsrRequest(subject, "dsr-" + UUID.randomUUID());

        EventEnvelope<AccountClosed> closedForErasure = EventEnvelope.create(subject, "storefront", Instant.now(),
                new AccountClosed("acc-" + UUID.randomUUID(), AccountClosureReason.ERASURE));
        TestEvents.publish(closedForErasure);

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(closedForErasure.eventId()));
        timeline(subject).statusCode(404);
        assertThat(tablesNamingAfterOutboxCleanup(subject), anEmptyMap());
    }

    @Test
    void aReceiptForAnErasureThisServiceNeverRequestedIsIgnoredAndTheNextReceiptStillCounts() {
        String subject = newSubject();
        TestEvents.publish(order(subject, LONG_AGO));
        awaitDueDate(subject, yearsAfter(LONG_AGO, 6));
        clock.standAt(SIX_YEARS_AND_A_DAY_LATER);
        String requestId;
        try (TopicProbe requests = TopicProbe.open(Topics.ERASURE_REQUESTS)) {
            runPurge();
            requestId = ((ErasureRequested) requests.awaitEvent(e -> e.subjectId().equals(subject)).payload())
                    .requestId();
        }
        // Other services running on the same broker may answer too; this test needs only its own first receipt.
        awaitErasureRequest(requestId, response -> response.body("receipts.service", hasItem("retention-service")));

        String unknownRequest = "dsr-" + UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.open(Topics.deadLetterTopic(Topics.ERASURE_RECEIPTS))) {
            TestEvents.publish(consentServiceReceipt(subject, unknownRequest));
            // Same subject, same partition: once this receipt is recorded, the one before it has been handled.
            TestEvents.publish(consentServiceReceipt(subject, requestId));

            awaitErasureRequest(requestId, response -> response
                    .body("receipts.service", hasItem("consent-service"))
                    .body("awaiting", not(hasItem("consent-service"))));
            List<ConsumerRecord<String, String>> deadLettered = deadLetters.drain(Duration.ofMillis(500)).stream()
                    .filter(record -> subject.equals(record.key()))
                    .toList();
            assertThat(deadLettered, empty());
        }
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/erasure-requests/{request}", unknownRequest)
                .then().statusCode(404);
        assertThat(count("SELECT count(*) FROM erasure_receipt_record WHERE request_id = :id", unknownRequest),
                equalTo(0L));
        assertThat(count("SELECT count(*) FROM requested_erasure WHERE request_id = :id", unknownRequest),
                equalTo(0L));
    }

    @Test
    void aConsentWithdrawalForAnErasedSubjectDoesNotBringTheSubjectBack() {
        String subject = newSubject();
        String requestId = "dsr-" + UUID.randomUUID();
        TestEvents.publish(order(subject, LONG_AGO));
        awaitDueDate(subject, yearsAfter(LONG_AGO, 6));
        eraseAtDsrRequest(subject, requestId);

        // consent-service erases too, and may well publish a withdrawal it recorded just before: not new data.
        Instant now = Instant.now();
        EventEnvelope<ConsentChanged> withdrawal = EventEnvelope.create(subject, "consent-service", now,
                new ConsentChanged(UUID.randomUUID().toString(), "EMAIL_MARKETING", Channel.EMAIL,
                        ConsentState.WITHDRAWN, LawfulBasis.CONSENT, "2026-11", ConsentSource.UNSUBSCRIBE_LINK,
                        ConsentMethod.REJECT, now));
        TestEvents.publish(withdrawal);

        // The inbox records the event in the transaction that applied it: it has been applied, to no effect.
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(withdrawal.eventId()));
        timeline(subject).statusCode(404);
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/subjects/{subject}/erasure", subject)
                .then().statusCode(200)
                .body("requestId", equalTo(requestId))
                .body("reason", equalTo("DATA_SUBJECT_REQUEST"))
                .body("erasures", equalTo(1));
        assertThat(tablesNamingAfterOutboxCleanup(subject), anEmptyMap());
    }

    private void eraseAtDsrRequest(String subject, String requestId) {
        try (TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            TestEvents.publish(EventEnvelope.create(subject, "dsr-service", Instant.now(),
                    new ErasureRequested(requestId, ErasureReason.DATA_SUBJECT_REQUEST, "dsr-service")));
            receipts.awaitEvent(e -> e.payload() instanceof ErasureCompleted receipt
                    && receipt.requestId().equals(requestId));
        }
        timeline(subject).statusCode(404);
    }

    /** consent-service's receipt as its SubjectErasure writes it for a subject with history, proof and opt-out. */
    private static EventEnvelope<ErasureCompleted> consentServiceReceipt(String subject, String requestId) {
        return EventEnvelope.create(subject, "consent-service", Instant.now(), new ErasureCompleted(requestId,
                "consent-service", List.of(
                new ErasureCompleted.ErasedRecords(DataCategory.CONSENT_RECORDS, 2),
                new ErasureCompleted.ErasedRecords(DataCategory.MARKETING_PREFERENCES, 1),
                new ErasureCompleted.ErasedRecords(DataCategory.IP_ADDRESS, 1),
                new ErasureCompleted.ErasedRecords(DataCategory.DEVICE_INFO, 1),
                new ErasureCompleted.ErasedRecords(DataCategory.EMAIL, 1)), List.of(
                new ErasureCompleted.WithheldRecords(DataCategory.MARKETING_PREFERENCES,
                        WithheldReason.SUPPRESSION_LIST, null),
                new ErasureCompleted.WithheldRecords(DataCategory.CONSENT_RECORDS, WithheldReason.ERASURE_RECORD,
                        null)), Instant.now()));
    }

    /** disclosure-service's receipt as its SubjectErasure writes it for a subject whose data went to recipients. */
    private static EventEnvelope<ErasureCompleted> disclosureServiceReceipt(String subject, String requestId) {
        return EventEnvelope.create(subject, "disclosure-service", Instant.now(), new ErasureCompleted(requestId,
                "disclosure-service", List.of(
                new ErasureCompleted.ErasedRecords(DataCategory.DISCLOSURE_RECORDS, 2),
                new ErasureCompleted.ErasedRecords(DataCategory.CONSENT_RECORDS, 1)), List.of(
                new ErasureCompleted.WithheldRecords(DataCategory.DISCLOSURE_RECORDS, WithheldReason.ERASURE_RECORD,
                        null)), Instant.now()));
    }

    /**
     * The storefront's receipt as its erasure participant (tools/storefront-simulator serve) writes it for a
     * customer whose only order is over six years old: nothing is kept for tax.
     */
    private static EventEnvelope<ErasureCompleted> storefrontReceipt(String subject, String requestId) {
        return EventEnvelope.create(subject, "storefront", Instant.now(), new ErasureCompleted(requestId,
                "storefront", List.of(
                new ErasureCompleted.ErasedRecords(DataCategory.CONTACT_NAME, 1),
                new ErasureCompleted.ErasedRecords(DataCategory.EMAIL, 1),
                new ErasureCompleted.ErasedRecords(DataCategory.DELIVERY_ADDRESS, 1),
                new ErasureCompleted.ErasedRecords(DataCategory.PURCHASE_HISTORY, 1)), List.of(), Instant.now()));
    }

    /** The request ids of the erasures the privacy officer sees as overdue. */
    private static List<String> overdueErasures() {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .queryParam("limit", 1000)
                .when().get("/api/v1/erasure-requests/overdue")
                .then().statusCode(200)
                .extract().jsonPath().getList("requestId");
    }

    private static void awaitErasureRequest(String requestId,
                                            Consumer<ValidatableResponse> expectations) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> expectations.accept(given()
                .header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/erasure-requests/{request}", requestId)
                .then().statusCode(200)));
    }

    private long rowsAbout(String table, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM " + table + " WHERE subject_id = :subject")
                .setParameter("subject", subject)
                .getSingleResult()).longValue());
    }

    /**
     * The tables that still name the subject once this service's outbox rows about it are sent and past the
     * kit's keep-sent time (the cleanup deletes them). Tombstones, erasure requests and audit entries keep a keyed
     * hash of the subject id, never the id, and are not found.
     */
    private Map<String, Long> tablesNamingAfterOutboxCleanup(String subject) {
        return SubjectTraces.tablesNamingAfterOutboxCleanup(dataSource, subject, clock, kitConfig.outbox().keepSent(),
                outboxRelay::deleteOldSentRows);
    }

    private long count(String sql, String value) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter("id", value)
                .getSingleResult()).longValue());
    }

    private boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .setParameter("id", eventId)
                .getSingleResult()).longValue() > 0);
    }
}
