package com.justelegance.privacy.retention;

import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.ProcessingRestricted;
import com.justelegance.privacy.events.ProcessingRestrictionLifted;
import com.justelegance.privacy.events.SubjectRequestOpened;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.KitConfig;
import com.justelegance.privacy.kit.outbox.OutboxRelay;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.retention.domain.PurgeRun;
import com.justelegance.privacy.retention.service.Purges;
import com.justelegance.privacy.testing.SubjectTraces;
import com.justelegance.privacy.testing.TestClock;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TestTokens;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

import static com.justelegance.privacy.retention.RetentionApi.awaitDueDate;
import static com.justelegance.privacy.retention.RetentionApi.holds;
import static com.justelegance.privacy.retention.RetentionApi.preview;
import static com.justelegance.privacy.retention.RetentionApi.runPurge;
import static com.justelegance.privacy.retention.RetentionApi.timeline;
import static com.justelegance.privacy.retention.RetentionEvents.contact;
import static com.justelegance.privacy.retention.RetentionEvents.newSubject;
import static com.justelegance.privacy.retention.RetentionEvents.requestClosed;
import static com.justelegance.privacy.retention.RetentionEvents.restricted;
import static com.justelegance.privacy.retention.RetentionEvents.restrictionLifted;
import static com.justelegance.privacy.retention.RetentionEvents.yearsAfter;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Restriction of processing (Art. 18): dsr-service's ProcessingRestricted holds the subject from every purge run,
 * scheduled or manual, until ProcessingRestrictionLifted names the same request, even after dsr-service closed the
 * request itself; with several restrictions the subject is held until every one is lifted. The timeline, the holds
 * and the purge preview say why the subject is held. Redelivered events change nothing, and an erasure the subject
 * asks for afterwards erases the restriction records too.
 *
 * <p>Contacts are dated in 1995 and the clock stands in 2001, as in {@link PurgeJobTest}.
 */
@QuarkusTest
class RestrictionTest {

    private static final Instant LONG_AGO = Instant.parse("1995-03-01T10:00:00Z");
    private static final Instant RESTRICTED_AT = Instant.parse("1995-04-03T11:00:00Z");
    private static final Instant SIX_YEARS_AND_A_DAY_LATER = Instant.parse("2001-03-02T10:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    Purges purges;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelay outboxRelay;

    @Inject
    KitConfig kitConfig;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void aRestrictedSubjectPastItsPeriodIsNotPurgedAndSaysWhyUntilTheRestrictionIsLifted() {
        String subject = newSubject();
        String request = "dsr-" + UUID.randomUUID();
        TestEvents.publish(contact(subject, LONG_AGO));
        TestEvents.publish(EventEnvelope.create(subject, "dsr-service", LONG_AGO.plus(Duration.ofDays(1)),
                new SubjectRequestOpened(request, SubjectRequestType.RESTRICTION)));
        TestEvents.publish(restricted(subject, RESTRICTED_AT, request));
        // dsr-service closes the request once the restriction is applied; the restriction stays.
        TestEvents.publish(requestClosed(subject, RESTRICTED_AT, request));
        awaitDueDate(subject, yearsAfter(LONG_AGO, 6));
        awaitHolds(subject, response -> response.body("openRequests", empty())
                .body("held", equalTo(true))
                .body("heldBy.kind", contains("PROCESSING_RESTRICTED"))
                .body("restrictions.requestId", contains(request))
                .body("restrictions.restrictedAt", contains(RESTRICTED_AT.toString()))
                .body("restrictions.liftedAt", contains(nullValue())));
        clock.standAt(SIX_YEARS_AND_A_DAY_LATER);

        String why = "restricted under request " + request + " since " + RESTRICTED_AT;
        timeline(subject).statusCode(200)
                .body("heldBy.description", contains(why))
                .body("heldBy.reference", contains(request));
        preview(0)
                .body("subjects.subjectId", not(hasItem(subject)))
                .body("heldSubjects.find { it.subjectId == '" + subject + "' }.heldBy.description", contains(why));
        runPurge().body("skippedForHolds", greaterThanOrEqualTo(1));
        timeline(subject).body("erasureRequestedAt", nullValue());

        TestEvents.publish(restrictionLifted(subject, SIX_YEARS_AND_A_DAY_LATER, request));
        awaitHolds(subject, response -> response.body("held", equalTo(false))
                .body("heldBy", empty())
                .body("restrictions.liftedAt", contains(SIX_YEARS_AND_A_DAY_LATER.toString())));
        timeline(subject).body("heldBy", empty());
        preview(0).body("subjects.subjectId", hasItem(subject));
        awaitRequestedByNextRun(subject, RetentionApi::runPurge);
    }

    @Test
    void theSubjectsOwnAccessPackageIsNotToldWhatHoldsIt() {
        String subject = newSubject();
        TestEvents.publish(contact(subject, LONG_AGO));
        TestEvents.publish(restricted(subject, RESTRICTED_AT, "dsr-" + UUID.randomUUID()));
        awaitHolds(subject, response -> response.body("held", equalTo(true)));

        // dsr-service reads the timeline for the access package; a legal hold there could tip the subject off.
        given().header("Authorization", TestTokens.bearer(Roles.DSR_SERVICE))
                .when().get("/api/v1/subjects/{subject}/timeline", subject)
                .then().statusCode(200)
                .body("subjectId", equalTo(subject))
                .body("$", not(hasKey("heldBy")));
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/subjects/{subject}/timeline", subject)
                .then().statusCode(200)
                .body("heldBy.kind", contains("PROCESSING_RESTRICTED"));
    }

    @Test
    void overlappingRestrictionsHoldTheSubjectUntilEveryOneIsLifted() {
        String subject = newSubject();
        String first = "dsr-" + UUID.randomUUID();
        String second = "dsr-" + UUID.randomUUID();
        TestEvents.publish(contact(subject, LONG_AGO));
        TestEvents.publish(restricted(subject, RESTRICTED_AT, first));
        TestEvents.publish(restricted(subject, RESTRICTED_AT.plus(Duration.ofDays(10)), second));
        awaitDueDate(subject, yearsAfter(LONG_AGO, 6));
        awaitHolds(subject, response -> response.body("heldBy.reference", containsInAnyOrder(first, second)));
        clock.standAt(SIX_YEARS_AND_A_DAY_LATER);

        TestEvents.publish(restrictionLifted(subject, RESTRICTED_AT.plus(Duration.ofDays(20)), first));
        awaitHolds(subject, response -> response
                .body("restrictions.find { it.requestId == '" + first + "' }.liftedAt", notNullValue())
                .body("held", equalTo(true))
                .body("heldBy.reference", contains(second)));
        // The scheduler's run and a manual one skip it alike.
        assertThat(purges.run(PurgeRun.Trigger.SCHEDULED, "scheduler").orElseThrow().skippedForHolds(),
                greaterThanOrEqualTo(1));
        runPurge().body("skippedForHolds", greaterThanOrEqualTo(1));
        timeline(subject).body("erasureRequestedAt", nullValue());

        TestEvents.publish(restrictionLifted(subject, RESTRICTED_AT.plus(Duration.ofDays(30)), second));
        awaitHolds(subject, response -> response.body("held", equalTo(false)));
        awaitRequestedByNextRun(subject, () -> purges.run(PurgeRun.Trigger.SCHEDULED, "scheduler"));
    }

    @Test
    void redeliveredAndLateRestrictionEventsChangeNothing() {
        String subject = newSubject();
        String request = "dsr-" + UUID.randomUUID();
        String later = "dsr-" + UUID.randomUUID();
        Instant liftedAt = RESTRICTED_AT.plus(Duration.ofDays(20));
        EventEnvelope<ProcessingRestricted> restriction = restricted(subject, RESTRICTED_AT, request);
        EventEnvelope<ProcessingRestrictionLifted> lifting = restrictionLifted(subject, liftedAt, request);
        TestEvents.publish(contact(subject, LONG_AGO));
        TestEvents.publish(restriction);
        TestEvents.publish(restriction);
        awaitHolds(subject, response -> response.body("heldBy", hasSize(1)).body("restrictions", hasSize(1)));

        try (TopicProbe deadLetters = TopicProbe.open(Topics.deadLetterTopic(Topics.SUBJECT_REQUESTS))) {
            TestEvents.publish(lifting);
            TestEvents.publish(restriction);
            TestEvents.publish(lifting);
            // dsr-service publishing the restriction again as a new event: still older than its lifting.
            TestEvents.publish(restricted(subject, RESTRICTED_AT, request));
            // Same subject, same partition: once this restriction shows, every event before it has been applied.
            TestEvents.publish(restricted(subject, liftedAt.plus(Duration.ofDays(1)), later));
            awaitHolds(subject, response -> response.body("heldBy.reference", contains(later)));

            holds(subject)
                    .body("restrictions", hasSize(2))
                    .body("restrictions.find { it.requestId == '" + request + "' }.restrictedAt",
                            equalTo(RESTRICTED_AT.toString()))
                    .body("restrictions.find { it.requestId == '" + request + "' }.liftedAt",
                            equalTo(liftedAt.toString()));
            List<ConsumerRecord<String, String>> deadLettered = deadLetters.drain(Duration.ofMillis(500)).stream()
                    .filter(record -> subject.equals(record.key()))
                    .toList();
            assertThat(deadLettered, empty());
        }
    }

    @Test
    void anErasureAfterARestrictionErasesTheRestrictionRecords() {
        String subject = newSubject();
        String erasure = "dsr-" + UUID.randomUUID();
        String lifted = "dsr-" + UUID.randomUUID();
        TestEvents.publish(contact(subject, LONG_AGO));
        // The contact comes on the storefront's topic, the restrictions on dsr-service's: the timeline must exist
        // before the erasure, or the contact could arrive after it and be kept as a reappearance (due again).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> timeline(subject).statusCode(200));
        TestEvents.publish(restricted(subject, RESTRICTED_AT, lifted));
        TestEvents.publish(restrictionLifted(subject, RESTRICTED_AT.plus(Duration.ofDays(2)), lifted));
        TestEvents.publish(restricted(subject, RESTRICTED_AT.plus(Duration.ofDays(3)), "dsr-" + UUID.randomUUID()));
        awaitHolds(subject, response -> response.body("heldBy", hasSize(1)).body("restrictions", hasSize(2)));

        try (TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            TestEvents.publish(EventEnvelope.create(subject, "dsr-service", Instant.now(),
                    new ErasureRequested(erasure, ErasureReason.DATA_SUBJECT_REQUEST, "dsr-service")));
            ErasureCompleted receipt = (ErasureCompleted) receipts.awaitEvent(e -> e.payload()
                    instanceof ErasureCompleted completed && completed.requestId().equals(erasure)).payload();
            // Nothing is withheld for a restriction: only the tombstone is.
            assertThat(receipt.withheld(), hasSize(1));
        }

        timeline(subject).statusCode(404);
        holds(subject).body("held", equalTo(false)).body("restrictions", empty());
        assertThat(SubjectTraces.tablesNamingAfterOutboxCleanup(dataSource, subject, clock,
                kitConfig.outbox().keepSent(), outboxRelay::deleteOldSentRows), anEmptyMap());
    }

    private static void awaitHolds(String subject, Consumer<ValidatableResponse> expectations) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> expectations.accept(holds(subject)));
    }

    /** Starts a run and waits for it to request the subject's erasure. */
    private static void awaitRequestedByNextRun(String subject, Runnable run) {
        try (TopicProbe requests = TopicProbe.open(Topics.ERASURE_REQUESTS)) {
            run.run();
            EventEnvelope<?> event = requests.awaitEvent(e -> e.subjectId().equals(subject));
            assertThat(((ErasureRequested) event.payload()).reason(), equalTo(ErasureReason.RETENTION_EXPIRED));
        }
    }
}
