package com.justelegance.privacy.disclosure;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static com.justelegance.privacy.disclosure.ErasureNoticesTest.eraseAfterDisclosingTo;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.notice;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.register;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Each recipient has a circuit breaker of its own: after 5 failed posts in a row (the configured failures) its
 * further notices are not posted until the breaker's delay (a minute) is over; they count as failed attempts and
 * follow the retry schedule (4 attempts in tests). Another recipient, even one at the same URL, is still posted to.
 */
@QuarkusTest
class RecipientCircuitBreakerTest {

    @Test
    void postsToARecipientStopAfterFiveFailuresInARowWhileAnotherRecipientIsStillPosted() {
        try (RecipientApiServer api = RecipientApiServer.answering(503, 503, 503, 503, 503)) {
            String failing = register("FRAUD_PREVENTION", "API", api.noticeUrl());
            String first = eraseAfterDisclosingTo(failing);
            String second = eraseAfterDisclosingTo(failing);

            // 8 attempts in all: the first 5 are posted and answered 503, and open the breaker. Without it the
            // sixth post would be answered 200 and a notice acknowledged.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Stream.of(first, second).forEach(subject ->
                    notice(subject).body("[0].status", equalTo("TASK_OPEN")).body("[0].attempts", equalTo(4))));
            assertThat(api.received(), hasSize(5));
            assertThat(api.received().stream().map(RecipientApiServer.Received::answeredWith).toList(),
                    everyItem(equalTo(503)));
            List<String> lastErrors = Stream.of(first, second)
                    .map(subject -> notice(subject).extract().<String>path("[0].lastError")).toList();
            assertThat(lastErrors, hasItem(containsString("circuit breaker open")));

            // The API answers again, but the failing recipient's breaker stays open; another recipient's is closed.
            String other = register("REFERENCE_AGENCY", "API", api.noticeUrl());
            String third = eraseAfterDisclosingTo(other);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notice(third)
                    .body("[0].status", equalTo("ACKNOWLEDGED")).body("[0].attempts", equalTo(1)));
            assertThat(api.received(), hasSize(6));
            assertThat(api.received().get(5).answeredWith(), equalTo(200));
            assertThat(api.received().get(5).body().get("recipient").asText(), equalTo(other));
        }
    }
}
