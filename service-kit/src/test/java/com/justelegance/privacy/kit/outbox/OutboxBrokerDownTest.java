package com.justelegance.privacy.kit.outbox;

import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.SubjectRequestOpened;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.FaultInjectingProducer;
import com.justelegance.privacy.kit.testapp.OutboxRows;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * While the broker cannot be reached the outbox keeps every row, counting the relay's attempts and keeping its
 * last error (without personal data); once the broker is back every row goes out exactly once, each subject's in
 * the order written, even when the broker comes back in the middle of a relay round.
 */
@QuarkusTest
class OutboxBrokerDownTest {

    private static final int SUBJECTS = 3;
    private static final int EVENTS = 12;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRows outboxRows;

    @Inject
    FaultInjectingProducer kafka;

    @AfterEach
    void brokerBack() {
        kafka.deliverAll();
    }

    @Test
    void rowsWaitWithAttemptsAndErrorWhileTheBrokerIsDownThenGoOnceInOrder() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> subjects = IntStream.range(0, SUBJECTS).mapToObj(i -> "outage-" + run + "-" + i).toList();
        List<EventEnvelope<SubjectRequestOpened>> written = IntStream.range(0, EVENTS)
                .mapToObj(i -> outbox.envelope(subjects.get(i % SUBJECTS),
                        new SubjectRequestOpened("seq-" + run + "-%02d".formatted(i), SubjectRequestType.ACCESS), null))
                .toList();
        Set<UUID> ids = written.stream().map(EventEnvelope::eventId).collect(Collectors.toSet());

        try (TopicProbe topic = TopicProbe.open(Topics.SUBJECT_REQUESTS)) {
            kafka.brokerDown();
            QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(written.subList(0, EVENTS / 2)));
            QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(written.subList(EVENTS / 2, EVENTS)));

            // Each subject's first event has failed twice; its later ones wait behind it.
            List<UUID> firsts = written.subList(0, SUBJECTS).stream().map(EventEnvelope::eventId).toList();
            await().atMost(Duration.ofSeconds(60)).until(() -> outboxRows.of(firsts).values().stream()
                    .filter(row -> row.attempts() >= 2).count() == SUBJECTS);
            Collection<OutboxRows.Row> pending = outboxRows.of(ids).values();
            assertThat(pending.size(), equalTo(EVENTS));
            assertThat(pending.stream().filter(OutboxRows.Row::sent).toList(), empty());
            for (UUID first : firsts) {
                String lastError = outboxRows.of(first).lastError();
                assertThat(lastError, notNullValue());
                assertThat(lastError, not(containsString("outage-")));
                assertThat(lastError, not(containsString(run)));
            }
            assertThat(ours(topic.drain(Duration.ofMillis(300)), subjects), empty());

            kafka.brokerBack();
            await().atMost(Duration.ofSeconds(60)).until(() -> outboxRows.of(ids).values().stream()
                    .allMatch(OutboxRows.Row::sent));
            await().atMost(Duration.ofSeconds(30)).until(() -> ours(topic.drain(Duration.ofMillis(200)), subjects)
                    .size() >= EVENTS);
            List<EventEnvelope<?>> received = ours(topic.drain(Duration.ofSeconds(1)), subjects);

            assertThat(received.stream().map(EventEnvelope::eventId).toList().size(), equalTo(EVENTS));
            assertThat(received.stream().map(EventEnvelope::eventId).collect(Collectors.toSet()), equalTo(ids));
            assertThat(perSubject(received), equalTo(perSubject(written)));
        }
    }

    private static List<EventEnvelope<?>> ours(List<ConsumerRecord<String, String>> records, List<String> subjects) {
        return records.stream()
                .filter(record -> subjects.contains(record.key()))
                .<EventEnvelope<?>>map(record -> EventCodec.decode(record.value()))
                .toList();
    }

    /** Each subject's request ids in the order given. */
    private static Map<String, List<String>> perSubject(List<? extends EventEnvelope<?>> events) {
        Map<String, List<String>> sequences = new LinkedHashMap<>();
        for (EventEnvelope<?> event : events) {
            sequences.computeIfAbsent(event.subjectId(), subject -> new ArrayList<>())
                    .add(((SubjectRequestOpened) event.payload()).requestId());
        }
        return sequences;
    }
}
