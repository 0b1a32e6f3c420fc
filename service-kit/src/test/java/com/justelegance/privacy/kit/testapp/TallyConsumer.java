package com.justelegance.privacy.kit.testapp;

import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.kit.inbox.EventBatchProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test application's consumer: through the kit's inbox, counts each event in its subject's row of
 * {@code kit_test_tally}, creating the row for a subject's first event. Waits at most a moment for a row lock, so a
 * lock held elsewhere fails the batch with the database's own lock-timeout error. Counts its attempts per subject, committed or not.
 */
@ApplicationScoped
public class TallyConsumer {

    public static final String CHANNEL = "kit-test-events";

    private final EventBatchProcessor processor;
    private final EntityManager entityManager;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public TallyConsumer(EventBatchProcessor processor, EntityManager entityManager) {
        this.processor = processor;
        this.entityManager = entityManager;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        processor.process(CHANNEL, records, this::tally);
    }

    /** How many times the handler tried to apply an event of this subject, including attempts rolled back. */
    public int attempts(String subjectId) {
        AtomicInteger count = attempts.get(subjectId);
        return count == null ? 0 : count.get();
    }

    private void tally(List<EventEnvelope<?>> events) {
        entityManager.createNativeQuery("SET LOCAL lock_timeout = '200ms'").executeUpdate();
        for (EventEnvelope<?> event : events) {
            attempts.computeIfAbsent(event.subjectId(), subject -> new AtomicInteger()).incrementAndGet();
            entityManager.createNativeQuery("""
                            INSERT INTO kit_test_tally (subject_id, applied) VALUES (:s, 1)
                            ON CONFLICT (subject_id) DO UPDATE SET applied = kit_test_tally.applied + 1""")
                    .setParameter("s", event.subjectId())
                    .executeUpdate();
        }
    }
}
