package com.justelegance.privacy.kit.erasure;

import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.outbox.Outbox;
import com.justelegance.privacy.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The kit's tracking of erasures a service requested: the test application expects its own receipt only
 * ({@code privacy.erasure.expected-receipts=kit-test}), so an erasure it requests through its outbox closes when
 * its own participant answers; receipts for requests it never made are not recorded; an open request turns overdue
 * after {@code privacy.erasure.receipts-due-within}; and receipts committed together close their request once.
 */
@QuarkusTest
class ErasureReceiptsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    ErasureReceipts receipts;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    KeyedHash keyedHash;

    @Inject
    Clock clock;

    /** The container's threads, one per participant committing at once. */
    @Inject
    ManagedExecutor executor;

    @Test
    void anErasureClosesWhenEveryExpectedParticipantHasAnswered() {
        String subject = newSubject();
        String requestId = "ret-" + UUID.randomUUID();
        UUID group = UUID.randomUUID();
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

        QuarkusTransaction.requiringNew().run(() -> {
            receipts.track(List.of(new ErasureReceipts.NewErasure(requestId, subject, ErasureReason.RETENTION_EXPIRED)),
                    group, requestedAt);
            outbox.publish(subject, new ErasureRequested(requestId, ErasureReason.RETENTION_EXPIRED, "kit-test"));
        });

        await().atMost(PATIENCE).until(() -> status(requestId).orElseThrow().request().closedAt() != null);
        ErasureReceipts.ErasureStatus status = status(requestId).orElseThrow();
        assertThat(status.request().subjectRef(), equalTo(keyedHash.subjectRef(subject)));
        assertThat(status.request().requestedAt(), equalTo(requestedAt));
        assertThat(status.request().groupId(), equalTo(group));
        assertThat(status.receipts().stream().map(ErasureReceipts.Receipt::service).toList(), contains("kit-test"));
        assertThat(status.receipts().getFirst().withheld(), containsString("ERASURE_RECORD"));
        assertThat(status.awaiting(), empty());
        assertThat(status.overdue(), equalTo(false));
        assertThat(QuarkusTransaction.requiringNew().call(() -> receipts.closedPerGroup(List.of(group))),
                equalTo(Map.of(group, 1)));
        assertThat(QuarkusTransaction.requiringNew().call(() -> receipts.ofGroup(group, 10)).stream()
                .map(ErasureReceipts.RequestedErasure::requestId).toList(), contains(requestId));
    }

    @Test
    void aReceiptForAnErasureThisServiceNeverRequestedIsNotRecorded() {
        String subject = newSubject();
        String stranger = "era-" + UUID.randomUUID();
        String ours = "ret-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> receipts.track(
                List.of(new ErasureReceipts.NewErasure(ours, subject, ErasureReason.RETENTION_EXPIRED)), null,
                Instant.now()));

        // Same subject, same partition: the stranger's receipt is consumed before ours.
        TestEvents.publish(receipt(subject, stranger));
        TestEvents.publish(receipt(subject, ours));

        await().atMost(PATIENCE).until(() -> status(ours).orElseThrow().request().closedAt() != null);
        assertThat(status(stranger).isPresent(), equalTo(false));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM erasure_receipt_record WHERE request_id = :id")
                .setParameter("id", stranger).getSingleResult()).longValue()), equalTo(0L));
    }

    @Test
    void anErasureStillWaitingAfterTheTimeAllowedIsOverdue() {
        String late = "ret-" + UUID.randomUUID();
        String recent = "ret-" + UUID.randomUUID();
        // The test application allows an hour.
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            receipts.track(List.of(new ErasureReceipts.NewErasure(late, newSubject(), ErasureReason.RETENTION_EXPIRED)),
                    null, now.minus(Duration.ofMinutes(61)));
            receipts.track(List.of(new ErasureReceipts.NewErasure(recent, newSubject(),
                    ErasureReason.RETENTION_EXPIRED)), null, now.minus(Duration.ofMinutes(59)));
        });

        assertThat(status(late).orElseThrow().overdue(), equalTo(true));
        assertThat(status(late).orElseThrow().awaiting(), contains("kit-test"));
        assertThat(status(recent).orElseThrow().overdue(), equalTo(false));
        List<String> overdue = QuarkusTransaction.requiringNew().call(() -> receipts.overdue(1000)).stream()
                .map(status -> status.request().requestId()).toList();
        assertThat(overdue.contains(late), equalTo(true));
        assertThat(overdue.contains(recent), equalTo(false));
    }

    @Test
    void theLastReceiptsOfAnErasureCommittedTogetherCloseIt() throws Exception {
        List<String> services = List.of("consent-service", "retention-service", "disclosure-service");
        ErasureReceipts threeParticipants = new ErasureReceipts(entityManager, keyedHash, clock, new ErasureConfig() {
            @Override
            public Optional<List<String>> expectedReceipts() {
                return Optional.of(services);
            }

            @Override
            public Duration receiptsDueWithin() {
                return Duration.ofDays(1);
            }
        });
        String requestId = "ret-" + UUID.randomUUID();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> threeParticipants.track(
                List.of(new ErasureReceipts.NewErasure(requestId, newSubject(), ErasureReason.RETENTION_EXPIRED)),
                null, now));
        // Every participant's receipt is written before any transaction closes: each sees only its own receipt
        // unless closing waits for the others.
        CyclicBarrier allWritten = new CyclicBarrier(services.size());
        List<CompletableFuture<Void>> answers = services.stream()
                .map(service -> executor.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                    threeParticipants.recordReceipt(new ErasureCompleted(requestId, service, List.of(), List.of(),
                            now), now);
                    awaitOthers(allWritten);
                    threeParticipants.closeAnswered(List.of(requestId), now);
                })))
                .toList();
        answers.forEach(CompletableFuture::join);

        ErasureReceipts.ErasureStatus status = QuarkusTransaction.requiringNew()
                .call(() -> threeParticipants.status(requestId)).orElseThrow();
        assertThat(status.request().closedAt(), notNullValue());
        assertThat(status.awaiting(), empty());
        assertThat(status(requestId).orElseThrow().request().closedAt(), notNullValue());
    }

    private Optional<ErasureReceipts.ErasureStatus> status(String requestId) {
        return receipts.status(requestId);
    }

    private static EventEnvelope<ErasureCompleted> receipt(String subject, String requestId) {
        return EventEnvelope.create(subject, "consent-service", Instant.now(),
                new ErasureCompleted(requestId, "kit-test", List.of(), List.of(), Instant.now()));
    }

    private static void awaitOthers(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The receipts were not written together", e);
        }
    }

    private static String newSubject() {
        return "sub-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
