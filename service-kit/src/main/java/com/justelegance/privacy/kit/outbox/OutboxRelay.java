package com.justelegance.privacy.kit.outbox;

import com.justelegance.privacy.kit.KitConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.context.api.ManagedExecutorConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Publishes outbox rows to Kafka and marks them sent, one claimed batch per transaction.
 *
 * <p>A relay round starts right after any transaction that wrote to the outbox commits, and on a schedule (every
 * second, the scheduler's finest step) for rows committed by other instances or left by a crash. The round after a
 * commit runs on a managed executor, not on the committing request's thread: a view of Quarkus' worker pool, one
 * task at a time and at most one more queued, that carries none of the committing thread's contexts (its request
 * scope and its finished transaction must not leak into the relay, which starts transactions of its own). Quarkus
 * owns and stops its threads; at most one wake waits, since one round sends everything committed before it starts.
 *
 * <p>Safe with several instances: rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so no two relays send the
 * same row at once. A subject's events stay in order: a relay sends a subject's claimed rows only up to the first
 * earlier unsent row another relay holds ({@link SubjectOrderGuard}), and sends a subject's next row only once the
 * broker has acknowledged the one before, so a failed send never lets a later event overtake it. A crash after
 * sending but before commit means a resend, which consumers' inboxes ignore; it never means a loss.
 */
@ApplicationScoped
public class OutboxRelay {

    private final EntityManager entityManager;
    private final Producer<String, String> producer;
    private final KitConfig.Outbox config;
    private final Clock clock;
    private final Counter sentCounter;
    private final Counter failedCounter;
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean roundRequested = new AtomicBoolean();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean stopping;

    @Inject
    @ManagedExecutorConfig(maxAsync = 1, maxQueued = 1, propagated = {}, cleared = ThreadContext.ALL_REMAINING)
    ManagedExecutor wakeExecutor;

    public OutboxRelay(EntityManager entityManager, Producer<String, String> producer, KitConfig kitConfig,
                       Clock clock, MeterRegistry meters) {
        this.entityManager = entityManager;
        this.producer = producer;
        this.config = kitConfig.outbox();
        this.clock = clock;
        this.sentCounter = meters.counter("privacy.outbox.sent");
        this.failedCounter = meters.counter("privacy.outbox.send.failures");
    }

    /** After a commit that wrote to the outbox: relay on the wake executor, not the committing request's thread. */
    void onOutboxWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (!stopping && wakeQueued.compareAndSet(false, true)) {
            try {
                wakeExecutor.execute(() -> {
                    wakeQueued.set(false);
                    if (!stopping) {
                        relayPending();
                    }
                });
            } catch (RejectedExecutionException e) {
                wakeQueued.set(false); // the worker pool is stopping or full: the next poll relays these rows
                Log.debugf("Outbox relay wake not queued (%s); the poll relays the rows", e.getMessage());
            }
        }
    }

    /**
     * Drains the outbox. One drain at a time per instance: a request arriving during a drain makes that drain go
     * round once more, so no commit waits for the next scheduled poll.
     */
    @Scheduled(identity = "outbox-relay", every = "${privacy.kit.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayPending() {
        roundRequested.set(true);
        while (roundRequested.get() && draining.tryLock()) {
            try {
                while (roundRequested.getAndSet(false)) {
                    int sent;
                    do {
                        sent = relayBatch();
                    } while (sent == config.batchSize());
                }
            } finally {
                draining.unlock();
            }
        }
    }

    /** The executor is Quarkus'; on the way down only stop asking it for rounds (a round under way finishes). */
    @PreDestroy
    void stopWaking() {
        stopping = true;
    }

    /** Deletes sent rows older than keep-sent. Public so a test can run it after moving the clock past that. */
    @Scheduled(identity = "outbox-cleanup", every = "10m", delayed = "1m",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void deleteOldSentRows() {
        Instant cutoff = clock.instant().minus(config.keepSent());
        int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("DELETE FROM outbox_event WHERE sent_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
        Log.debugf("Outbox cleanup deleted %d sent rows", deleted);
    }

    /** Claims, sends and marks one batch; returns how many rows were sent. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().call(this::sendClaimedBatch);
    }

    private int sendClaimedBatch() {
        List<PendingRow> claimed = claimPendingRows();
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Long> sentIds = new ArrayList<>();
        Map<Long, String> failures = new HashMap<>();
        sendInSubjectOrder(withoutKeysHeldElsewhere(claimed), sentIds, failures);
        markSent(sentIds);
        recordFailures(failures);
        sentCounter.increment(sentIds.size());
        return sentIds.size();
    }

    /**
     * Sends the rows in waves: each wave sends the next row of every subject side by side and waits for the
     * broker's acknowledgements. A subject's next row goes only once the broker has its previous one, so a failed
     * send holds back that subject's later rows (they stay pending for a later round) rather than letting them
     * overtake it; other subjects go on. No wave starts after the round's send timeout.
     */
    private void sendInSubjectOrder(List<PendingRow> rows, List<Long> sentIds, Map<Long, String> failures) {
        Map<String, ArrayDeque<PendingRow>> queues = new LinkedHashMap<>();
        rows.forEach(row -> queues.computeIfAbsent(row.key(), key -> new ArrayDeque<>()).add(row));
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        while (!queues.isEmpty() && System.nanoTime() < deadline) {
            Map<PendingRow, Future<RecordMetadata>> wave = new LinkedHashMap<>();
            queues.values().forEach(queue -> {
                PendingRow row = queue.poll();
                wave.put(row, producer.send(new ProducerRecord<>(row.topic(), row.key(), row.payload())));
            });
            wave.forEach((row, acknowledgement) -> {
                String failure = awaitAcknowledgement(acknowledgement, deadline);
                if (failure == null) {
                    sentIds.add(row.id());
                } else {
                    failures.put(row.id(), failure);
                    queues.remove(row.key());
                }
            });
            queues.values().removeIf(ArrayDeque::isEmpty);
        }
    }

    /** Null once the broker has the record; otherwise why it does not (never the record itself). */
    private static String awaitAcknowledgement(Future<RecordMetadata> acknowledgement, long deadline) {
        try {
            acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private List<PendingRow> claimPendingRows() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT id, topic, event_key, CAST(payload AS text) AS payload
                        FROM outbox_event
                        WHERE sent_at IS NULL
                        ORDER BY id
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", Tuple.class)
                .setParameter("limit", config.batchSize())
                .getResultList();
        return rows.stream()
                .map(row -> new PendingRow(((Number) row.get("id")).longValue(), (String) row.get("topic"),
                        (String) row.get("event_key"), (String) row.get("payload")))
                .toList();
    }

    /** The claimed rows that can go now without overtaking a subject's earlier event (see SubjectOrderGuard). */
    private List<PendingRow> withoutKeysHeldElsewhere(List<PendingRow> claimed) {
        long highestClaimed = claimed.stream().mapToLong(PendingRow::id).max().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Tuple> unsent = entityManager.createNativeQuery("""
                        SELECT id, event_key
                        FROM outbox_event
                        WHERE sent_at IS NULL AND event_key IN (:keys) AND id <= :highest
                        ORDER BY id""", Tuple.class)
                .setParameter("keys", claimed.stream().map(PendingRow::key).collect(Collectors.toSet()))
                .setParameter("highest", highestClaimed)
                .getResultList();
        Set<Long> sendable = SubjectOrderGuard.sendable(
                claimed.stream().map(row -> new SubjectOrderGuard.Row(row.id(), row.key())).toList(),
                unsent.stream().map(row -> new SubjectOrderGuard.Row(((Number) row.get("id")).longValue(),
                        (String) row.get("event_key"))).toList());
        return claimed.stream().filter(row -> sendable.contains(row.id())).toList();
    }

    private void markSent(List<Long> ids) {
        if (!ids.isEmpty()) {
            entityManager.createNativeQuery("UPDATE outbox_event SET sent_at = :now WHERE id IN (:ids)")
                    .setParameter("now", clock.instant())
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
    }

    private void recordFailures(Map<Long, String> failures) {
        if (failures.isEmpty()) {
            return;
        }
        failedCounter.increment(failures.size());
        Log.warnf("Outbox relay could not send %d events; they stay pending and are retried", failures.size());
        failures.forEach((id, error) -> entityManager.createNativeQuery("""
                        UPDATE outbox_event SET attempts = attempts + 1, last_error = :error WHERE id = :id""")
                .setParameter("error", error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter("id", id)
                .executeUpdate());
    }

    private record PendingRow(long id, String topic, String key, String payload) {
    }
}
