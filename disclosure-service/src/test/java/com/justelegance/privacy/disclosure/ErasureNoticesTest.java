package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.kit.KitConfig;
import com.justelegance.privacy.kit.outbox.OutboxRelay;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.SubjectTraces;
import com.justelegance.privacy.testing.TestClock;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static com.justelegance.privacy.disclosure.DisclosureEvents.consentChanged;
import static com.justelegance.privacy.disclosure.DisclosureEvents.erasureRequested;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newId;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newSubject;
import static com.justelegance.privacy.disclosure.DisclosureEvents.orderPlaced;
import static com.justelegance.privacy.disclosure.DisclosureEvents.rectificationRequested;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Art. 19 end to end: an erasure creates one notice per recipient the ledger shows received the subject's data and
 * none for the others, delivers it to an API recipient, then leaves the ledger without the subject (anonymised
 * counts stay), the consent projection and the subject's key go, and ErasureCompleted answers. After it no table
 * names the subject; the receipt names the recipients told, except those withheld from the subject, and the subject's
 * restrictions are gone too. A rectification tells only recipients of the corrected data.
 */
@QuarkusTest
class ErasureNoticesTest {

    private static final String AUDIENCES = "SOCIAL_MEDIA_AUDIENCES";

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
    void anErasureNoticesExactlyTheRecipientsThatReceivedDataAndTheLedgerNoLongerNamesTheSubject() {
        String subject = newSubject();
        String order = newId("ord");
        String checkRef = newId("chk");
        String requestId = newId("era");
        try (RecipientApiServer api = RecipientApiServer.answering();
             TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            String apiRecipient = register("REFERENCE_AGENCY", "API", api.noticeUrl());
            TestEvents.publish(orderPlaced(subject, order, SalesChannel.WEBSITE, Courier.DPD, PaymentProvider.PAYPAL));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    OrderLedgerTest.disclosures(subject).body("$", hasSize(2)));
            // The officer's note is encrypted with the subject's own key: erasure must destroy that key.
            DisclosureApi.as(Roles.PRIVACY_OFFICER)
                    .body(DisclosureApi.disclosure("LAW_ENFORCEMENT", "\"CONTACT_NAME\"", "LEGAL_OBLIGATION",
                            newId("WMP"), true, "Production order served in person"))
                    .when().post("/api/v1/subjects/{s}/disclosures", subject)
                    .then().statusCode(201);
            recordDisclosure(subject, apiRecipient, "LEGITIMATE_INTEREST", checkRef, false);
            TestEvents.publish(consentChanged(subject, AUDIENCES, ConsentState.GRANTED,
                    Instant.parse("2026-11-01T09:00:00Z")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> DisclosureApi.as(Roles.MARKETING)
                    .when().get("/api/v1/sharing-checks?subjectId={s}&recipient=FACEBOOK&purpose={p}", subject,
                            AUDIENCES)
                    .then().statusCode(200).body("allowed", equalTo(true)));
            assertThat(rowsNaming(subject, "subject_consent"), equalTo(1L));
            assertThat(rowsNaming(subject, "subject_key"), equalTo(1L));

            TestEvents.publish(erasureRequested(subject, requestId));

            // Other services answer the same request on the same topic: take this service's receipt.
            EventEnvelope<?> receipt = receipts.awaitEvent(e -> e.subjectId().equals(subject)
                    && e.payload() instanceof ErasureCompleted completed && completed.requestId().equals(requestId)
                    && completed.service().equals("disclosure-service"));
            ErasureCompleted completed = (ErasureCompleted) receipt.payload();
            assertThat(completed.service(), equalTo("disclosure-service"));
            assertThat(completed.erased(), contains(
                    new ErasureCompleted.ErasedRecords(DataCategory.DISCLOSURE_RECORDS, 4),
                    new ErasureCompleted.ErasedRecords(DataCategory.CONSENT_RECORDS, 1)));
            assertThat(completed.withheld(), contains(new ErasureCompleted.WithheldRecords(
                    DataCategory.DISCLOSURE_RECORDS, WithheldReason.ERASURE_RECORD, null)));
            // For the erasure certificate: the recipients told, but not the police, whom the subject may not learn of.
            assertThat(completed.recipientsNotified(), containsInAnyOrder("DPD", "PAYPAL", apiRecipient));

            notices(subject)
                    .body("recipient", containsInAnyOrder("DPD", "PAYPAL", "LAW_ENFORCEMENT", apiRecipient))
                    .body("kind", everyItem(equalTo("ERASURE")))
                    .body("requestId", everyItem(equalTo(requestId)))
                    .body("find { it.recipient == 'LAW_ENFORCEMENT' }.withheldFromSubject", equalTo(true))
                    .body("find { it.recipient == 'DPD' }.status", equalTo("TASK_OPEN"))
                    .body("find { it.recipient == 'DPD' }.recipientReferences", contains(order))
                    .body("find { it.recipient == 'PAYPAL' }.dataCategories",
                            contains("CONTACT_NAME", "INVOICE_ADDRESS", "EMAIL", "PURCHASE_HISTORY"));

            // Telling the subject the police were notified would tell them what the ledger withholds.
            DisclosureApi.as(Roles.CUSTOMER_SERVICE)
                    .when().get("/api/v1/subjects/{s}/notices", subject)
                    .then().statusCode(200)
                    .body("recipient", containsInAnyOrder("DPD", "PAYPAL", apiRecipient));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notices(subject)
                    .body("find { it.recipient == '" + apiRecipient + "' }.status", equalTo("ACKNOWLEDGED")));
            assertThat(api.received(), hasSize(1));
            RecipientApiServer.Received posted = api.received().get(0);
            assertThat(posted.path(), equalTo("/notices")); // exactly the registered URL, nothing appended
            assertThat(posted.contentType(), startsWith("application/json"));
            assertThat(posted.body().get("kind").asText(), equalTo("ERASURE"));
            assertThat(posted.body().get("requestId").asText(), equalTo(requestId));
            assertThat(posted.body().get("references").get(0).asText(), equalTo(checkRef));
            assertThat(posted.body().toString().contains(subject), equalTo(false));

            DisclosureApi.as(Roles.PRIVACY_OFFICER)
                    .when().get("/api/v1/subjects/{s}/disclosures?includeWithheld=true", subject)
                    .then().statusCode(200).body("$", empty());
            for (String table : List.of("disclosure", "erased_disclosure_count", "recipient_notice",
                    "subject_consent", "subject_key")) {
                assertThat(table, rowsNaming(subject, table), equalTo(0L));
            }
            DisclosureApi.as(Roles.MARKETING)
                    .when().get("/api/v1/sharing-checks?subjectId={s}&recipient=FACEBOOK&purpose={p}", subject,
                            AUDIENCES)
                    .then().statusCode(200)
                    .body("allowed", equalTo(false))
                    .body("reason", equalTo("NO_CONSENT_KNOWN"));

            DisclosureApi.as(Roles.AUDITOR)
                    .when().get("/api/v1/disclosure-summary?from=2026-11&to=2026-11")
                    .then().statusCode(200)
                    .body("recipients.find { it.code == '" + apiRecipient + "' }.disclosures", equalTo(1))
                    .body("recipients.find { it.code == '" + apiRecipient + "' }.anonymisedDisclosures", equalTo(1))
                    .body("recipients.find { it.code == '" + apiRecipient + "' }.disclosuresPerCategory.CONTACT_NAME",
                            equalTo(1));
        }
        // Notices and audit entries keep a keyed hash of the subject id, never the id.
        assertThat(tablesNamingAfterOutboxCleanup(subject), anEmptyMap());
    }

    @Test
    void aSubjectWithNothingDisclosedGetsAReceiptAndNoNotices() {
        String subject = newSubject();
        String requestId = newId("era");
        try (TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            TestEvents.publish(erasureRequested(subject, requestId));

            ErasureCompleted completed = (ErasureCompleted) receipts.awaitEvent(e -> e.subjectId().equals(subject)
                    && e.payload() instanceof ErasureCompleted c && c.requestId().equals(requestId)
                    && c.service().equals("disclosure-service")).payload();
            assertThat(completed.erased().stream().map(ErasureCompleted.ErasedRecords::count).toList(),
                    everyItem(equalTo(0L)));
            assertThat(completed.recipientsNotified(), empty());
            // Only the tombstone stays, which every service keeps to prove the erasure.
            assertThat(completed.withheld(), contains(new ErasureCompleted.WithheldRecords(
                    DataCategory.DISCLOSURE_RECORDS, WithheldReason.ERASURE_RECORD, null)));
        }
        notices(subject).body("$", empty());
        assertThat(tablesNamingAfterOutboxCleanup(subject), anEmptyMap());
    }

    @Test
    void anErasureForgetsTheSubjectsRestrictionsAndNamesOnlyTheRecipientsTheSubjectMayKnowOf() {
        String subject = newSubject();
        String requestId = newId("era");
        String restriction = newId("dsr");
        try (TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            // Fraud prevention had one disclosure the subject may learn of and one they may not: it is named.
            recordDisclosure(subject, "FRAUD_PREVENTION", "LEGITIMATE_INTEREST", newId("frd"), true);
            recordDisclosure(subject, "FRAUD_PREVENTION", "LEGITIMATE_INTEREST", newId("frd"), false);
            recordDisclosure(subject, "LAW_ENFORCEMENT", "LEGAL_OBLIGATION", newId("WMP"), true);
            TestEvents.publish(DisclosureEvents.processingRestricted(subject, restriction));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notices(subject).body("$", hasSize(2)));

            TestEvents.publish(erasureRequested(subject, requestId));

            ErasureCompleted completed = (ErasureCompleted) receipts.awaitEvent(e -> e.subjectId().equals(subject)
                    && e.payload() instanceof ErasureCompleted c && c.requestId().equals(requestId)
                    && c.service().equals("disclosure-service")).payload();
            assertThat(completed.recipientsNotified(), contains("FRAUD_PREVENTION"));
            assertThat(completed.erased(), contains(
                    new ErasureCompleted.ErasedRecords(DataCategory.DISCLOSURE_RECORDS, 3),
                    new ErasureCompleted.ErasedRecords(DataCategory.DSR_CASE_FILE, 1)));
        }
        notices(subject)
                .body("findAll { it.kind == 'ERASURE' }.recipient",
                        containsInAnyOrder("FRAUD_PREVENTION", "LAW_ENFORCEMENT"))
                .body("findAll { it.kind == 'RESTRICTION' }.requestId", everyItem(equalTo(restriction)));
        assertThat(tablesNamingAfterOutboxCleanup(subject), anEmptyMap());
    }

    @Test
    void aRectificationTellsOnlyTheRecipientsThatReceivedACorrectedCategory() {
        String subject = newSubject();
        String order = newId("ord");
        TestEvents.publish(orderPlaced(subject, order, SalesChannel.WEBSITE, Courier.ROYAL_MAIL,
                PaymentProvider.PAYPAL));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                OrderLedgerTest.disclosures(subject).body("$", hasSize(2)));

        TestEvents.publish(rectificationRequested(subject, newId("rec"), List.of(DataCategory.DELIVERY_ADDRESS)));

        // Both notices would be created in one transaction: once one is there, the list is complete.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notices(subject).body("$", not(empty())));
        notices(subject)
                .body("recipient", contains("ROYAL_MAIL"))
                .body("[0].kind", equalTo("RECTIFICATION"))
                .body("[0].dataCategories", contains("DELIVERY_ADDRESS"))
                .body("[0].recipientReferences", contains(order));
        OrderLedgerTest.disclosures(subject).body("$", hasSize(2));
    }

    @Test
    void anOrderArrivingAfterTheErasureIsNoticedToItsRecipientsAndLeavesNoLedgerEntry() {
        String subject = newSubject();
        String requestId = newId("era");
        String lateOrder = newId("ord");
        try (TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            TestEvents.publish(erasureRequested(subject, requestId));
            receipts.awaitEvent(e -> e.subjectId().equals(subject) && e.payload() instanceof ErasureCompleted c
                    && c.requestId().equals(requestId) && c.service().equals("disclosure-service"));

            // The storefront's order was delayed: the courier and the payment provider already have the data.
            TestEvents.publish(orderPlaced(subject, lateOrder, SalesChannel.WEBSITE, Courier.DPD,
                    PaymentProvider.PAYPAL));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notices(subject).body("$", hasSize(2)));
            notices(subject)
                    .body("kind", everyItem(equalTo("ERASURE")))
                    .body("requestId", everyItem(equalTo(requestId)))
                    .body("recipient", containsInAnyOrder("DPD", "PAYPAL"))
                    .body("recipientReferences", everyItem(contains(lateOrder)));
            OrderLedgerTest.disclosures(subject).body("$", empty());
            // The probe saw this service's receipt for the request itself; the late order got none.
            assertThat(receipts.drain(Duration.ofSeconds(1)).stream()
                    .filter(r -> subject.equals(r.key()) && r.value().contains("disclosure-service")).count(),
                    equalTo(1L));
        }
    }

    /** Registers a test recipient of the category, taking notices on the channel, and returns its code. */
    static String register(String category, String channel, String address) {
        String code = "TEST_" + newId("R").replace("-", "_").toUpperCase().substring(0, 20);
        DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body(DisclosureApi.recipient(code, category, "\"CONTACT_NAME\", \"PAYMENT_CARD\"", channel, address))
                .when().post("/api/v1/recipients")
                .then().statusCode(201);
        return code;
    }

    static void recordDisclosure(String subject, String recipient, String basis, String reference,
                                 boolean withhold) {
        DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body(DisclosureApi.disclosure(recipient, "\"CONTACT_NAME\"", basis, reference, withhold, null))
                .when().post("/api/v1/subjects/{s}/disclosures", subject)
                .then().statusCode(201);
    }

    /** Records a disclosure of a fresh subject to the recipient, erases the subject, and returns the subject. */
    static String eraseAfterDisclosingTo(String recipient) {
        String subject = newSubject();
        recordDisclosure(subject, recipient, "LEGITIMATE_INTEREST", newId("ref"), false);
        TestEvents.publish(erasureRequested(subject, newId("era")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notices(subject).body("$", hasSize(1)));
        return subject;
    }

    /** The subject's one notice. */
    static ValidatableResponse notice(String subject) {
        return notices(subject).body("$", hasSize(1));
    }

    /** The subject's notices as the privacy officer sees them, withheld ones included. */
    static ValidatableResponse notices(String subject) {
        return DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .when().get("/api/v1/subjects/{s}/notices?includeWithheld=true", subject)
                .then().statusCode(200);
    }

    /** Rows of the table that carry the subject id anywhere. */
    private long rowsNaming(String subject, String table) {
        return SubjectTraces.tablesNaming(dataSource, subject).getOrDefault(table, 0L);
    }

    /**
     * The tables that still name the subject once this service's outbox rows about it are sent and past the kit's
     * keep-sent time (the cleanup deletes them).
     */
    private Map<String, Long> tablesNamingAfterOutboxCleanup(String subject) {
        return SubjectTraces.tablesNamingAfterOutboxCleanup(dataSource, subject, clock, kitConfig.outbox().keepSent(),
                outboxRelay::deleteOldSentRows);
    }
}
