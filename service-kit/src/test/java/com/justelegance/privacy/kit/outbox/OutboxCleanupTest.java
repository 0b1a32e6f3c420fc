package com.justelegance.privacy.kit.outbox;

import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.SubjectRequestOpened;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.FaultInjectingProducer;
import com.justelegance.privacy.kit.KitConfig;
import com.justelegance.privacy.kit.testapp.OutboxRows;
import com.justelegance.privacy.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Sent outbox rows still name their subject, so the cleanup deletes those sent longer ago than
 * {@code privacy.kit.outbox.keep-sent} (by the service's clock), and keeps recent ones and every unsent one.
 */
@QuarkusTest
class OutboxCleanupTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxRows outboxRows;

    @Inject
    FaultInjectingProducer kafka;

    @Inject
    TestClock clock;

    @Inject
    KitConfig config;

    @AfterEach
    void restore() {
        clock.reset();
        kafka.deliverAll();
    }

    @Test
    void deletesRowsSentLongerAgoThanKeepSentAndKeepsUnsentAndRecentOnes() {
        Duration keepSent = config.outbox().keepSent();
        // The test application sets three hours, so a row sent two hours ago tells it from the one-hour default.
        assertThat(keepSent, equalTo(Duration.ofHours(3)));
        Instant now = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        String subject = "cleanup-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope<SubjectRequestOpened> sentLongAgo = event(subject);
        EventEnvelope<SubjectRequestOpened> sentJustOverKeepSent = event(subject);
        EventEnvelope<SubjectRequestOpened> sentWithinKeepSent = event(subject);
        EventEnvelope<SubjectRequestOpened> sentJustNow = event(subject);
        EventEnvelope<SubjectRequestOpened> neverSent = event(subject);
        List<EventEnvelope<SubjectRequestOpened>> written =
                List.of(sentLongAgo, sentJustOverKeepSent, sentWithinKeepSent, sentJustNow, neverSent);

        kafka.brokerDown(); // the never-sent row stays unsent
        QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(written));
        Instant longAgo = now.minus(Duration.ofDays(10));
        outboxRows.backdate(sentLongAgo.eventId(), longAgo, longAgo.plusSeconds(1));
        outboxRows.backdate(sentJustOverKeepSent.eventId(), longAgo, now.minus(keepSent).minusSeconds(60));
        outboxRows.backdate(sentWithinKeepSent.eventId(), longAgo, now.minus(Duration.ofHours(2)));
        outboxRows.backdate(sentJustNow.eventId(), longAgo, now.minusSeconds(60));
        outboxRows.backdate(neverSent.eventId(), longAgo, null);
        clock.standAt(now);

        relay.deleteOldSentRows();

        Set<UUID> kept = outboxRows.of(written.stream().map(EventEnvelope::eventId).toList()).keySet();
        assertThat(kept, equalTo(Set.of(sentWithinKeepSent.eventId(), sentJustNow.eventId(), neverSent.eventId())));
        assertThat(outboxRows.of(neverSent.eventId()).sent(), equalTo(false));
    }

    private EventEnvelope<SubjectRequestOpened> event(String subject) {
        return outbox.envelope(subject, new SubjectRequestOpened("req-" + UUID.randomUUID().toString()
                .substring(0, 8), SubjectRequestType.ERASURE), null);
    }
}
