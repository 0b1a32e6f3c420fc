package com.justelegance.privacy.kit.inbox;

import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.RectificationRequested;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.kit.testapp.TallyConsumer;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * A batch that fails because the database is briefly in the way (here a row lock the test holds, which the
 * consumer's lock timeout turns into the database's own error) is retried, never dead-lettered, and applied
 * exactly once when the obstacle is gone.
 */
@QuarkusTest
class InboxTransientFailureTest {

    @Inject
    TallyConsumer consumer;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLockTimeoutIsRetriedNotDeadLetteredAndAppliedOnceWhenTheLockIsReleased() throws SQLException {
        String subject = "locked-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("INSERT INTO kit_test_tally (subject_id) VALUES (:s)")
                .setParameter("s", subject)
                .executeUpdate());
        EventEnvelope<RectificationRequested> event = EventEnvelope.create(subject, "dsr-service", Instant.now(),
                new RectificationRequested("req-" + subject, List.of(DataCategory.DELIVERY_ADDRESS)));

        try (TopicProbe deadLetters = TopicProbe.open(Topics.deadLetterTopic(Topics.RECTIFICATION_REQUESTS));
             Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement(
                    "SELECT applied FROM kit_test_tally WHERE subject_id = ? FOR UPDATE")) {
                lock.setString(1, subject);
                lock.executeQuery().close();
            }

            TestEvents.publish(event);
            // Three attempts: the first and at least two retries, each stopped by the lock.
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.attempts(subject) >= 3);
            assertThat(applied(subject), equalTo(0));
            locker.rollback();

            await().atMost(Duration.ofSeconds(30)).until(() -> applied(subject) == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> applied(subject) == 1);
            assertThat(deadLetters.drain(Duration.ofMillis(500)).stream()
                    .filter(record -> subject.equals(record.key())).toList(), empty());
            assertThat(processedRows(event.eventId()), equalTo(1L));
        }
    }

    private int applied(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT applied FROM kit_test_tally WHERE subject_id = :s")
                .setParameter("s", subject)
                .getSingleResult()).intValue());
    }

    private long processedRows(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE consumer = :c AND event_id = :id")
                .setParameter("c", TallyConsumer.CHANNEL)
                .setParameter("id", eventId)
                .getSingleResult()).longValue());
    }
}
