package com.justelegance.privacy.kit.inbox;

import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.RectificationRequested;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.testing.LogCapture;
import com.justelegance.privacy.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

/**
 * A polled batch naming many subjects, some more than once, is applied as one batch: locking its subjects and
 * looking them up among the tombstones works for any number of them, so nothing falls back to replaying record by
 * record (which would hide a statement that fails for batches of more than one).
 */
@QuarkusTest
class InboxBatchTest {

    private static final int SUBJECTS = 40;

    @Inject
    EntityManager entityManager;

    @Test
    void aBatchOfManySubjectsIsAppliedWithoutFallingBackToOneRecordAtATime() {
        String prefix = "batch-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> subjects = IntStream.range(0, SUBJECTS).mapToObj(i -> prefix + i).toList();
        try (LogCapture logs = LogCapture.start()) {
            for (String subject : subjects) {
                TestEvents.publish(rectification(subject));
                TestEvents.publish(rectification(subject));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> applied(prefix) == 2L * SUBJECTS);
            assertThat(logs.lines().stream().filter(line -> line.contains("replaying record by record")).toList(),
                    empty());
        }
    }

    private long applied(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT coalesce(sum(applied), 0) FROM kit_test_tally WHERE subject_id LIKE :prefix")
                .setParameter("prefix", prefix + "%").getSingleResult()).longValue());
    }

    private static EventEnvelope<RectificationRequested> rectification(String subject) {
        return EventEnvelope.create(subject, "dsr-service", Instant.now(),
                new RectificationRequested("rect-" + UUID.randomUUID(), List.of(DataCategory.DELIVERY_ADDRESS)));
    }
}
