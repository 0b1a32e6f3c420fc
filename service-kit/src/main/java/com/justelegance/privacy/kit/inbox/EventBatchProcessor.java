package com.justelegance.privacy.kit.inbox;

import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventDecodingException;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.kit.erasure.ErasureProtocol;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The consuming side of every service: decode a polled batch, dead-letter what cannot be decoded, and apply the
 * rest exactly once in one transaction together with the inbox record.
 *
 * <p>If the batch transaction fails because of a record, the batch is replayed one record per transaction so the
 * culprit can be dead-lettered and the others still applied. If it fails because the database or broker is
 * unavailable, the whole call is retried with back-off until it succeeds: nothing is dead-lettered and no offset
 * is committed for records that were not applied. A batch that fails while the application is shutting down (the
 * database connections are closing) is left unacknowledged for redelivery, never dead-lettered.
 *
 * <p>In a service that takes part in erasure, the batch's subjects are locked before it is applied and, after it,
 * data for subjects erased earlier is erased again ({@link ErasureProtocol}).
 */
@ApplicationScoped
public class EventBatchProcessor {

    private final Inbox inbox;
    private final DeadLetterPublisher deadLetters;
    private final MeterRegistry meters;
    private final ErasureProtocol erasure;
    private volatile boolean shuttingDown;

    public EventBatchProcessor(Inbox inbox, DeadLetterPublisher deadLetters, MeterRegistry meters,
                               ErasureProtocol erasure) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.erasure = erasure;
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        shuttingDown = true;
    }

    /**
     * @param consumer a stable name for this consumer, the key of its inbox rows (use the channel name)
     */
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 200, maxDuration = 0,
            retryOn = TransientProcessingException.class)
    public void process(String consumer, ConsumerRecords<String, String> records, EventBatchHandler handler) {
        List<DecodedRecord> decoded = decodeOrDeadLetter(consumer, records);
        if (decoded.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> applyNew(consumer, decoded, handler));
        } catch (RuntimeException batchFailure) {
            if (FailureClassifier.isTransient(batchFailure)) {
                throw new TransientProcessingException("Batch for " + consumer + " failed; retrying", batchFailure);
            }
            refuseToDeadLetterWhileShuttingDown(consumer, batchFailure);
            Log.infof("Batch of %d for %s failed (%s); replaying record by record", decoded.size(), consumer,
                    batchFailure.getClass().getSimpleName());
            decoded.forEach(record -> applyAloneOrDeadLetter(consumer, record, handler));
        }
    }

    private List<DecodedRecord> decodeOrDeadLetter(String consumer, ConsumerRecords<String, String> records) {
        List<DecodedRecord> decoded = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope<?> event = EventCodec.decode(record.value());
                if (record.key() != null && !record.key().equals(event.subjectId())) {
                    throw new EventDecodingException("Record key does not match subjectId", null);
                }
                decoded.add(new DecodedRecord(record, event));
            } catch (EventDecodingException e) {
                deadLetters.send(consumer, record, e.getMessage(), e.getClass());
            }
        }
        return decoded;
    }

    private void applyAloneOrDeadLetter(String consumer, DecodedRecord record, EventBatchHandler handler) {
        try {
            QuarkusTransaction.requiringNew().run(() -> applyNew(consumer, List.of(record), handler));
        } catch (RuntimeException failure) {
            if (FailureClassifier.isTransient(failure)) {
                throw new TransientProcessingException("Record for " + consumer + " failed; retrying", failure);
            }
            refuseToDeadLetterWhileShuttingDown(consumer, failure);
            Throwable root = rootCause(failure);
            deadLetters.send(consumer, record.record(), "Processing failed: " + root.getClass().getSimpleName(),
                    root.getClass());
        }
    }

    private void applyNew(String consumer, List<DecodedRecord> records, EventBatchHandler handler) {
        Set<UUID> notYetApplied = new HashSet<>(
                inbox.claimNew(consumer, records.stream().map(r -> r.event().eventId()).toList()));
        // remove() lets only the first copy through when a batch carries the same event twice.
        List<EventEnvelope<?>> toApply = records.stream()
                .map(DecodedRecord::event)
                .filter(event -> notYetApplied.remove(event.eventId()))
                .toList();
        if (!toApply.isEmpty()) {
            erasure.lockSubjects(toApply);
            handler.handle(toApply);
            erasure.eraseLateArrivals(toApply);
        }
        meters.counter("privacy.events.applied", "consumer", consumer).increment(toApply.size());
        meters.counter("privacy.events.redelivered", "consumer", consumer)
                .increment(records.size() - toApply.size());
    }

    /** During shutdown failures come from closing resources, not from the records: leave them for redelivery. */
    private void refuseToDeadLetterWhileShuttingDown(String consumer, RuntimeException failure) {
        if (shuttingDown) {
            throw new IllegalStateException("Shutting down: batch for " + consumer + " left for redelivery", failure);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private record DecodedRecord(ConsumerRecord<String, String> record, EventEnvelope<?> event) {
    }
}
