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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * When one event's send fails in the middle of a relay round, that subject's later events wait for it (they are
 * neither sent nor marked sent before it), while other subjects' events go on; once the failed one goes, the rest
 * follow in order, each once.
 */
@QuarkusTest
class OutboxSendFailureOrderTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRows outboxRows;

    @Inject
    FaultInjectingProducer kafka;

    @AfterEach
    void deliverAll() {
        kafka.deliverAll();
    }

    @Test
    void aFailedSendHoldsBackItsSubjectsLaterEventsButNotOtherSubjects() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String held = "held-" + run;
        String free = "free-" + run;
        EventEnvelope<SubjectRequestOpened> held1 = event(held, "h1-" + run);
        EventEnvelope<SubjectRequestOpened> free1 = event(free, "f1-" + run);
        EventEnvelope<SubjectRequestOpened> held2 = event(held, "h2-" + run);
        EventEnvelope<SubjectRequestOpened> free2 = event(free, "f2-" + run);
        EventEnvelope<SubjectRequestOpened> held3 = event(held, "h3-" + run);
        EventEnvelope<SubjectRequestOpened> free3 = event(free, "f3-" + run);
        List<EventEnvelope<SubjectRequestOpened>> written = List.of(held1, free1, held2, free2, held3, free3);
        Set<UUID> ids = written.stream().map(EventEnvelope::eventId).collect(Collectors.toSet());

        try (TopicProbe topic = TopicProbe.open(Topics.SUBJECT_REQUESTS)) {
            kafka.failDeliveryOf(held2.eventId().toString());
            QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(written));

            // Two rounds have failed the held subject's second event; the other subject is through.
            await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows.of(held2.eventId()).attempts() >= 2
                    && outboxRows.of(held1.eventId()).sent() && outboxRows.of(free1.eventId()).sent()
                    && outboxRows.of(free2.eventId()).sent() && outboxRows.of(free3.eventId()).sent());
            assertThat(outboxRows.of(held2.eventId()).sent(), equalTo(false));
            assertThat(outboxRows.of(held3.eventId()).sent(), equalTo(false));
            await().atMost(Duration.ofSeconds(10)).until(() -> requestIds(topic.drain(Duration.ofMillis(200)), free)
                    .size() == 3);
            List<ConsumerRecord<String, String>> duringFailure = topic.drain(Duration.ofMillis(500));
            assertThat(requestIds(duringFailure, held), equalTo(List.of("h1-" + run)));
            assertThat(requestIds(duringFailure, free), equalTo(List.of("f1-" + run, "f2-" + run, "f3-" + run)));

            kafka.deliverAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows.of(ids).values().stream()
                    .allMatch(OutboxRows.Row::sent));
            await().atMost(Duration.ofSeconds(10)).until(() -> requestIds(topic.drain(Duration.ofMillis(200)), held)
                    .size() >= 3);
            List<ConsumerRecord<String, String>> afterwards = topic.drain(Duration.ofSeconds(1));
            assertThat(requestIds(afterwards, held), equalTo(List.of("h1-" + run, "h2-" + run, "h3-" + run)));
            assertThat(requestIds(afterwards, free), equalTo(List.of("f1-" + run, "f2-" + run, "f3-" + run)));
        }
    }

    private EventEnvelope<SubjectRequestOpened> event(String subject, String requestId) {
        return outbox.envelope(subject, new SubjectRequestOpened(requestId, SubjectRequestType.ACCESS), null);
    }

    /** The request ids of one subject's records, in the order the topic holds them. */
    private static List<String> requestIds(List<ConsumerRecord<String, String>> records, String subject) {
        return records.stream()
                .filter(record -> subject.equals(record.key()))
                .map(record -> ((SubjectRequestOpened) EventCodec.decode(record.value()).payload()).requestId())
                .toList();
    }
}
