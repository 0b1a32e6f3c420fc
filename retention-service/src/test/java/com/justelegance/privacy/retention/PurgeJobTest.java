package com.justelegance.privacy.retention;

import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.ComplaintStatus;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.retention.domain.PurgeRun;
import com.justelegance.privacy.retention.service.Purges;
import com.justelegance.privacy.testing.ConsumerLag;
import com.justelegance.privacy.testing.TestClock;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TestTokens;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.justelegance.privacy.retention.RetentionApi.awaitDueDate;
import static com.justelegance.privacy.retention.RetentionApi.awaitHeld;
import static com.justelegance.privacy.retention.RetentionApi.placeLegalHold;
import static com.justelegance.privacy.retention.RetentionApi.preview;
import static com.justelegance.privacy.retention.RetentionApi.releaseLegalHold;
import static com.justelegance.privacy.retention.RetentionApi.runPurge;
import static com.justelegance.privacy.retention.RetentionApi.timeline;
import static com.justelegance.privacy.retention.RetentionEvents.complaint;
import static com.justelegance.privacy.retention.RetentionEvents.contact;
import static com.justelegance.privacy.retention.RetentionEvents.newSubject;
import static com.justelegance.privacy.retention.RetentionEvents.order;
import static com.justelegance.privacy.retention.RetentionEvents.requestClosed;
import static com.justelegance.privacy.retention.RetentionEvents.requestOpened;
import static com.justelegance.privacy.retention.RetentionEvents.yearsAfter;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The purge job, with the clock standing years ahead: who is past the policy's six years gets ErasureRequested
 * (reason RETENTION_EXPIRED) through the outbox, who is not or is held does not; a run is logged; two runs at
 * once request each subject once; and the dry-run preview says what the next run will do.
 *
 * <p>Contacts are dated in 1995 and the clock stands in 2001 or later, far from the dates other modules' tests
 * use on the shared topics, so these runs only ever find this module's subjects due.
 */
@QuarkusTest
class PurgeJobTest {

    private static final Instant LONG_AGO = Instant.parse("1995-03-01T10:00:00Z");
    private static final Instant SIX_YEARS_AND_A_DAY_LATER = Instant.parse("2001-03-02T10:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    Purges purges;

    @Inject
    KeyedHash keyedHash;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void sixYearsAndADayAfterTheLastContactErasureIsRequestedAndFiveYearsAfterItIsNot() {
        String expired = newSubject();
        String recent = newSubject();
        TestEvents.publish(order(expired, LONG_AGO));
        TestEvents.publish(order(recent, yearsAfter(LONG_AGO, 1)));
        awaitDueDate(expired, yearsAfter(LONG_AGO, 6));
        awaitDueDate(recent, yearsAfter(LONG_AGO, 7));
        clock.standAt(SIX_YEARS_AND_A_DAY_LATER);

        try (TopicProbe requests = TopicProbe.open(Topics.ERASURE_REQUESTS)) {
            String runId = runPurge()
                    .body("trigger", equalTo("MANUAL"))
                    .body("status", equalTo("COMPLETED"))
                    .body("startedBy", equalTo("test-" + Roles.PRIVACY_OFFICER))
                    .body("startedAt", equalTo(SIX_YEARS_AND_A_DAY_LATER.toString()))
                    .body("erasuresRequested", greaterThanOrEqualTo(1))
                    .extract().path("runId");

            EventEnvelope<?> event = requests.awaitEvent(e -> e.subjectId().equals(expired));
            ErasureRequested request = (ErasureRequested) event.payload();
            assertThat(request.reason(), equalTo(ErasureReason.RETENTION_EXPIRED));
            assertThat(request.requestedBy(), equalTo("retention-service"));
            assertThat(event.producer(), equalTo("retention-service"));
            assertThat(event.correlationId().toString(), equalTo(runId));

            given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                    .when().get("/api/v1/purge-runs/{run}", runId)
                    .then().statusCode(200)
                    .body("status", equalTo("COMPLETED"))
                    .body("finishedAt", notNullValue())
                    .body("subjectsSelected", greaterThanOrEqualTo(1));
        }
        timeline(recent).statusCode(200).body("erasureRequestedAt", nullValue());
    }

    @Test
    void aNewOrderPushesTheDueDateOut() {
        String subject = newSubject();
        TestEvents.publish(contact(subject, LONG_AGO));
        TestEvents.publish(order(subject, yearsAfter(LONG_AGO, 2)));
        awaitDueDate(subject, yearsAfter(LONG_AGO, 8));

        clock.standAt(SIX_YEARS_AND_A_DAY_LATER);
        runPurge();
        timeline(subject).body("erasureRequestedAt", nullValue());

        clock.standAt(yearsAfter(SIX_YEARS_AND_A_DAY_LATER, 2));
        awaitRequestedByNextRun(subject);
    }

    @Test
    void aLegalHoldBlocksThePurgeAndItsReleaseLetsItThrough() {
        String subject = newSubject();
        TestEvents.publish(contact(subject, LONG_AGO));
        awaitDueDate(subject, yearsAfter(LONG_AGO, 6));
        String hold = placeLegalHold(subject);
        clock.standAt(SIX_YEARS_AND_A_DAY_LATER);

        runPurge().body("skippedForHolds", greaterThanOrEqualTo(1));
        timeline(subject).body("erasureRequestedAt", nullValue());

        releaseLegalHold(hold);
        awaitRequestedByNextRun(subject);
    }

    @Test
    void anOpenComplaintBlocksThePurgeAndItsResolutionLetsItThrough() {
        String subject = newSubject();
        String complaintId = "cmp-" + UUID.randomUUID();
        TestEvents.publish(complaint(subject, LONG_AGO, ComplaintStatus.OPEN, complaintId));
        awaitDueDate(subject, yearsAfter(LONG_AGO, 6));
        awaitHeld(subject, true);
        clock.standAt(SIX_YEARS_AND_A_DAY_LATER);

        runPurge().body("skippedForHolds", greaterThanOrEqualTo(1));
        timeline(subject).body("erasureRequestedAt", nullValue());

        TestEvents.publish(complaint(subject, LONG_AGO.plus(Duration.ofHours(1)), ComplaintStatus.RESOLVED,
                complaintId));
        awaitHeld(subject, false);
        awaitRequestedByNextRun(subject);
    }

    @Test
    void anOpenDataSubjectRequestBlocksThePurgeUntilDsrServiceClosesIt() {
        String subject = newSubject();
        String requestId = "dsr-" + UUID.randomUUID();
        TestEvents.publish(contact(subject, LONG_AGO));
        TestEvents.publish(requestOpened(subject, LONG_AGO, requestId));
        awaitDueDate(subject, yearsAfter(LONG_AGO, 6));
        awaitHeld(subject, true);
        clock.standAt(SIX_YEARS_AND_A_DAY_LATER);

        runPurge().body("skippedForHolds", greaterThanOrEqualTo(1));
        timeline(subject).body("erasureRequestedAt", nullValue());

        TestEvents.publish(requestClosed(subject, SIX_YEARS_AND_A_DAY_LATER, requestId));
        awaitHeld(subject, false);
        awaitRequestedByNextRun(subject);
    }

    @Test
    void twoRunsAtOnceRequestEachSubjectOnce() throws Exception {
        List<String> subjects = IntStream.range(0, 200).mapToObj(i -> newSubject()).toList();
        subjects.forEach(subject -> TestEvents.publish(order(subject, LONG_AGO)));
        await().atMost(Duration.ofSeconds(60)).until(() -> countWithDueDate(subjects) == subjects.size());
        clock.standAt(SIX_YEARS_AND_A_DAY_LATER);

        ExecutorService instances = Executors.newFixedThreadPool(2);
        try (TopicProbe requests = TopicProbe.open(Topics.ERASURE_REQUESTS)) {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Optional<PurgeRun>>> runs = instances.invokeAll(List.of(
                    () -> startTogether(together, "instance-a"), () -> startTogether(together, "instance-b")));
            // Runs go one at a time: the second finds the first in progress, or finds nothing left to request.
            int requestedByBoth = requested(runs.get(0)) + requested(runs.get(1));

            await().atMost(Duration.ofSeconds(60)).until(() -> requestsPerSubject(requests, subjects).size()
                    == subjects.size());
            Map<String, Long> perSubject = requestsPerSubject(requests, subjects);
            assertThat(perSubject.values(), everyItem(equalTo(1L)));
            assertThat(requestedByBoth, greaterThanOrEqualTo(subjects.size()));
        } finally {
            instances.shutdownNow();
        }
        Set<String> refs = subjects.stream().map(keyedHash::subjectRef).collect(Collectors.toSet());
        List<Long> recordedPerSubject = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("""
                        SELECT count(*) FROM requested_erasure WHERE subject_ref IN (:refs) GROUP BY subject_ref""",
                        Long.class)
                .setParameter("refs", refs)
                .getResultList());
        assertThat(recordedPerSubject.size(), equalTo(subjects.size()));
        assertThat(recordedPerSubject, everyItem(equalTo(1L)));
    }

    @Test
    void thePreviewSaysWhoTheNextRunWillRequestAndHowManyPerCategory() {
        String erasable = newSubject();
        String held = newSubject();
        String notDue = newSubject();
        String dueSoon = newSubject();
        TestEvents.publish(order(erasable, LONG_AGO));
        TestEvents.publish(contact(held, LONG_AGO));
        TestEvents.publish(contact(notDue, yearsAfter(LONG_AGO, 1)));
        TestEvents.publish(contact(dueSoon, LONG_AGO.plus(Duration.ofDays(10))));
        awaitDueDate(erasable, yearsAfter(LONG_AGO, 6));
        awaitDueDate(held, yearsAfter(LONG_AGO, 6));
        awaitDueDate(notDue, yearsAfter(LONG_AGO, 7));
        awaitDueDate(dueSoon, yearsAfter(LONG_AGO.plus(Duration.ofDays(10)), 6));
        placeLegalHold(held);
        clock.standAt(SIX_YEARS_AND_A_DAY_LATER);
        // Other tests' events still being applied would change what is due between the preview and the run.
        ConsumerLag.awaitCaughtUp("retention-service", List.of(Topics.STOREFRONT_ACTIVITY, Topics.CONSENT,
                Topics.SUBJECT_REQUESTS, Topics.ERASURE_REQUESTS, Topics.ERASURE_RECEIPTS));

        JsonPath now = preview(0)
                .body("subjects.subjectId", hasItem(erasable))
                .body("subjects.subjectId", not(hasItems(held)))
                .body("subjects.subjectId", not(hasItems(notDue)))
                .body("subjects.subjectId", not(hasItems(dueSoon)))
                .body("held", greaterThanOrEqualTo(1))
                .body("byCategory.find { it.category == 'ORDER_AND_PAYMENT_RECORDS' }.subjects",
                        greaterThanOrEqualTo(1))
                .extract().jsonPath();
        preview(30)
                .body("subjects.subjectId", hasItems(erasable, dueSoon))
                .body("subjects.subjectId", not(hasItems(held)))
                .body("subjects.subjectId", not(hasItems(notDue)));

        try (TopicProbe requests = TopicProbe.open(Topics.ERASURE_REQUESTS)) {
            JsonPath run = runPurge().extract().jsonPath();
            assertThat(run.getInt("erasuresRequested"), equalTo(now.getInt("erasable")));
            assertThat(run.getInt("skippedForHolds"), equalTo(now.getInt("held")));
            assertThat(run.getInt("subjectsSelected"), equalTo(now.getInt("erasable") + now.getInt("held")));

            Set<String> previewed = Set.copyOf(now.getList("subjects.subjectId", String.class));
            String runId = run.getString("runId");
            await().atMost(Duration.ofSeconds(30)).until(() -> requests.drain(Duration.ofMillis(100)).stream()
                    .map(record -> EventCodec.decode(record.value()))
                    .filter(event -> runId.equals(String.valueOf(event.correlationId())))
                    .map(EventEnvelope::subjectId)
                    .collect(Collectors.toSet()), equalTo(previewed));
        }
    }

    private void awaitRequestedByNextRun(String subject) {
        try (TopicProbe requests = TopicProbe.open(Topics.ERASURE_REQUESTS)) {
            runPurge().body("erasuresRequested", greaterThanOrEqualTo(1));
            EventEnvelope<?> event = requests.awaitEvent(e -> e.subjectId().equals(subject));
            assertThat(((ErasureRequested) event.payload()).reason(), equalTo(ErasureReason.RETENTION_EXPIRED));
        }
    }

    private static int requested(Future<Optional<PurgeRun>> run) throws Exception {
        return run.get().map(PurgeRun::erasuresRequested).orElse(0);
    }

    private Optional<PurgeRun> startTogether(CyclicBarrier together, String instance) throws Exception {
        together.await();
        return purges.run(PurgeRun.Trigger.MANUAL, instance);
    }

    private int countWithDueDate(List<String> subjects) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                        SELECT count(*) FROM subject_timeline
                        WHERE subject_id IN (:subjects) AND erasure_due_at IS NOT NULL""")
                .setParameter("subjects", subjects)
                .getSingleResult()).intValue());
    }

    private static Map<String, Long> requestsPerSubject(TopicProbe requests, List<String> subjects) {
        Set<String> ours = Set.copyOf(subjects);
        return requests.drain(Duration.ofMillis(200)).stream()
                .map(ConsumerRecord::key)
                .filter(ours::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
