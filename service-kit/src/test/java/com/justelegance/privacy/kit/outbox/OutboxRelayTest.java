package com.justelegance.privacy.kit.outbox;

import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.events.codes.ConsentMethod;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Several relays draining one outbox at once (two threads here, plus the scheduled one) send every event exactly
 * once and keep each subject's events in the order they were written.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final int SUBJECTS = 25;
    private static final int EVENTS = 3000;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    @Test
    void concurrentRelaysSendEachEventOnceInOrderPerSubject() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> subjects = IntStream.range(0, SUBJECTS).mapToObj(i -> "relay-" + run + "-" + i).toList();
        try (TopicProbe consents = TopicProbe.open(Topics.CONSENT)) {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < EVENTS; i++) {
                    outbox.publish(subjects.get(i % SUBJECTS), new ConsentChanged("seq-%05d".formatted(i),
                            "EMAIL_MARKETING", Channel.EMAIL, i % 2 == 0 ? ConsentState.GRANTED : ConsentState.WITHDRAWN,
                            LawfulBasis.CONSENT, "2026-11", ConsentSource.ACCOUNT_SETTINGS, ConsentMethod.SAVE,
                            Instant.now()));
                }
            });

            CompletableFuture<Void> first = CompletableFuture.runAsync(this::drainOutbox);
            CompletableFuture<Void> second = CompletableFuture.runAsync(this::drainOutbox);
            CompletableFuture.allOf(first, second).join();

            Set<String> ours = new HashSet<>(subjects);
            await().atMost(Duration.ofSeconds(60)).until(() -> consents.drain(Duration.ofMillis(200)).stream()
                    .filter(r -> ours.contains(r.key())).count() >= EVENTS);
            List<ConsumerRecord<String, String>> received = consents.drain(Duration.ofMillis(500)).stream()
                    .filter(r -> ours.contains(r.key())).toList();

            Set<UUID> eventIds = new HashSet<>();
            Map<String, List<String>> sequencePerSubject = new HashMap<>();
            for (ConsumerRecord<String, String> record : received) {
                EventEnvelope<?> event = EventCodec.decode(record.value());
                eventIds.add(event.eventId());
                sequencePerSubject.computeIfAbsent(event.subjectId(), s -> new ArrayList<>())
                        .add(((ConsentChanged) event.payload()).decisionId());
            }
            assertThat(received.size(), equalTo(EVENTS));
            assertThat(eventIds.size(), equalTo(EVENTS));
            sequencePerSubject.values().forEach(sequence ->
                    assertThat(sequence, equalTo(sequence.stream().sorted().toList())));
        }
    }

    private void drainOutbox() {
        while (pendingRows() > 0) {
            relay.relayBatch();
        }
    }

    private long pendingRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")
                .getSingleResult()).longValue());
    }
}
