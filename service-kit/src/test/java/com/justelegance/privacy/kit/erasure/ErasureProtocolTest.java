package com.justelegance.privacy.kit.erasure;

import com.justelegance.privacy.events.ErasureCompleted.ErasedRecords;
import com.justelegance.privacy.events.ErasureCompleted.WithheldRecords;
import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.RectificationRequested;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.crypto.SubjectKeys;
import com.justelegance.privacy.kit.testapp.TallyErasure;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The kit's erasure protocol, end to end through the real broker and database, with the test application's
 * participant: a request erases through the participant, leaves a tombstone, destroys the subject's key, is
 * audited and answered with a receipt; data arriving after the erasure is erased again, with no receipt.
 */
@QuarkusTest
class ErasureProtocolTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    SubjectTombstones tombstones;

    @Inject
    KeyedHash keyedHash;

    @Inject
    TallyErasure participant;

    @Test
    void aRequestErasesThroughTheParticipantLeavesATombstoneDestroysTheKeyAndIsAnsweredWithAReceipt() {
        String subject = newSubject();
        String requestId = "era-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("INSERT INTO kit_test_tally (subject_id, applied) VALUES (:s, 3)")
                    .setParameter("s", subject).executeUpdate();
            subjectKeys.encrypt(subject, "something only this subject's key can read");
        });

        ErasureCompleted receipt = requestErasure(subject, requestId, ErasureReason.DATA_SUBJECT_REQUEST);

        assertThat(receipt.service(), equalTo("kit-test"));
        assertThat(receipt.erased(), contains(new ErasedRecords(DataCategory.PURCHASE_HISTORY, 1)));
        assertThat(receipt.withheld(), contains(
                new WithheldRecords(DataCategory.PURCHASE_HISTORY, WithheldReason.ERASURE_RECORD, null)));
        assertThat(tallyRows(subject), equalTo(0L));
        assertThat(count("SELECT count(*) FROM subject_key WHERE subject_id = :s", subject), equalTo(0L));
        SubjectTombstones.Tombstone tombstone = tombstone(subject).orElseThrow();
        assertThat(tombstone.requestId(), equalTo(requestId));
        assertThat(tombstone.reason(), equalTo(ErasureReason.DATA_SUBJECT_REQUEST));
        assertThat(tombstone.erasures(), equalTo(1));
        assertThat(tombstone.subjectRef(), equalTo(keyedHash.subjectRef(subject)));
        // The tombstone and the audit entry know the subject only by the keyed hash of its id.
        assertThat(count("SELECT count(*) FROM subject_tombstone WHERE subject_ref = :s", subject), equalTo(0L));
        List<String> details = auditDetails("subject.erased", subject);
        assertThat(details, hasSize(1));
        assertThat(details.getFirst(), containsString("\"request\":\"" + requestId + "\""));
        assertThat(details.getFirst(), containsString("\"PURCHASE_HISTORY\":1"));
        assertThat(details.getFirst(), not(containsString(subject)));
        assertThat(participant.ordersFor(subject).stream().map(ErasureOrder::lateArrival).toList(),
                contains(false));
    }

    @Test
    void aSecondRequestErasesAgainAndCountsOnTheSameTombstone() {
        String subject = newSubject();
        requestErasure(subject, "era-" + UUID.randomUUID(), ErasureReason.RETENTION_EXPIRED);
        String second = "era-" + UUID.randomUUID();

        ErasureCompleted receipt = requestErasure(subject, second, ErasureReason.DATA_REAPPEARED_AFTER_ERASURE);

        assertThat(receipt.erased(), empty());
        SubjectTombstones.Tombstone tombstone = tombstone(subject).orElseThrow();
        assertThat(tombstone.erasures(), equalTo(2));
        assertThat(tombstone.requestId(), equalTo(second));
        assertThat(tombstone.reason(), equalTo(ErasureReason.DATA_REAPPEARED_AFTER_ERASURE));
    }

    @Test
    void dataArrivingAfterTheErasureIsErasedAgainAuditedAndAnsweredWithNoReceipt() {
        String subject = newSubject();
        String requestId = "era-" + UUID.randomUUID();
        requestErasure(subject, requestId, ErasureReason.DATA_SUBJECT_REQUEST);

        try (TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            // The test application's consumer records any event in kit_test_tally: this one arrives late.
            TestEvents.publish(EventEnvelope.create(subject, "dsr-service", Instant.now(),
                    new RectificationRequested("rect-" + UUID.randomUUID(), List.of(DataCategory.DELIVERY_ADDRESS))));
            await().atMost(PATIENCE).until(() -> tombstone(subject).orElseThrow().lateArrivalAt() != null);

            assertThat(tallyRows(subject), equalTo(0L));
            List<ErasureOrder> orders = participant.ordersFor(subject);
            assertThat(orders.getLast(), equalTo(new ErasureOrder(subject, requestId,
                    ErasureReason.DATA_SUBJECT_REQUEST, true)));
            assertThat(auditDetails("subject.re-erased", subject), contains(
                    containsString("\"request\":\"" + requestId + "\"")));
            assertThat(tombstone(subject).orElseThrow().erasures(), equalTo(1));
            assertThat(receipts.drain(Duration.ofSeconds(2)).stream()
                    .filter(record -> subject.equals(record.key())).toList(), empty());
        }
    }

    @Test
    void aSubjectNeverErasedHasNoTombstoneAndItsDataStays() {
        String subject = newSubject();
        TestEvents.publish(EventEnvelope.create(subject, "dsr-service", Instant.now(),
                new RectificationRequested("rect-" + UUID.randomUUID(), List.of(DataCategory.DELIVERY_ADDRESS))));

        await().atMost(PATIENCE).until(() -> tallyRows(subject) == 1);
        assertThat(tombstone(subject).isPresent(), equalTo(false));
        assertThat(participant.ordersFor(subject), empty());
        assertThat(auditDetails("subject.re-erased", subject), empty());
    }

    private ErasureCompleted requestErasure(String subject, String requestId, ErasureReason reason) {
        try (TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            TestEvents.publish(EventEnvelope.create(subject, "dsr-service", Instant.now(),
                    new ErasureRequested(requestId, reason, "dsr-service")));
            ErasureCompleted receipt = (ErasureCompleted) receipts.awaitEvent(event -> subject.equals(event.subjectId())
                    && event.payload() instanceof ErasureCompleted completed
                    && completed.requestId().equals(requestId)).payload();
            assertThat(receipt.completedAt(), notNullValue());
            return receipt;
        }
    }

    private Optional<SubjectTombstones.Tombstone> tombstone(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> tombstones.find(subject));
    }

    private long tallyRows(String subject) {
        return count("SELECT count(*) FROM kit_test_tally WHERE subject_id = :s", subject);
    }

    private long count(String sql, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter("s", subject).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<String> auditDetails(String action, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT details FROM audit_entry WHERE action = :action AND subject_ref = :ref ORDER BY id")
                .setParameter("action", action)
                .setParameter("ref", keyedHash.subjectRef(subject))
                .getResultList());
    }

    private static String newSubject() {
        return "sub-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
