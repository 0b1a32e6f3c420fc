package com.justelegance.privacy.kit.outbox;

import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.SubjectRequestOpened;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.FaultInjectingProducer;
import com.justelegance.privacy.kit.testapp.OutboxRows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * A commit that wrote to the outbox starts a relay round at once, without waiting for the poll (an hour apart in
 * this test's profile), on Quarkus' worker pool rather than a thread of the relay's own; commits that come faster
 * than rounds still all go out, as a queued wake covers every commit before it runs.
 */
@QuarkusTest
@TestProfile(OutboxWakeTest.PollHourly.class)
class OutboxWakeTest {

    private static final int COMMITS = 40;

    /** The poll so far apart that only the wake after a commit can send the rows within the test. */
    public static class PollHourly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("privacy.kit.outbox.poll-interval", "1h");
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxRows outboxRows;

    @Inject
    FaultInjectingProducer kafka;

    @Test
    void eachCommitStartsARoundOnAQuarkusWorkerThreadAndARushOfCommitsAllGoOut() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> subjects = IntStream.range(0, 4).mapToObj(i -> "wake-" + run + "-" + i).toList();
        List<EventEnvelope<SubjectRequestOpened>> written = IntStream.range(0, COMMITS)
                .mapToObj(i -> outbox.envelope(subjects.get(i % subjects.size()),
                        new SubjectRequestOpened("req-" + run + "-" + i, SubjectRequestType.ACCESS), null))
                .toList();
        Set<UUID> ids = written.stream().map(EventEnvelope::eventId).collect(Collectors.toSet());

        written.forEach(event -> QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(List.of(event))));

        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows.of(ids).values().stream()
                .allMatch(OutboxRows.Row::sent));
        List<String> threads = subjects.stream().flatMap(subject -> kafka.sendingThreads(subject).stream()).toList();
        assertThat(threads, not(empty()));
        assertThat(threads, everyItem(startsWith("executor-thread-")));
    }
}
