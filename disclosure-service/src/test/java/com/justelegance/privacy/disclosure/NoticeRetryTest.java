package com.justelegance.privacy.disclosure;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.justelegance.privacy.disclosure.ErasureNoticesTest.eraseAfterDisclosingTo;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.notice;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.register;
import static com.justelegance.privacy.disclosure.RecipientApiServer.NO_ANSWER;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What the recipient API client takes for "try again later": a 408 (request timeout), a 429 (rate limited) and
 * no answer within the configured timeout (5s in tests) are retried, not treated as refusals, until the attempts
 * run out (4 in tests), and then the notice is a task for a person.
 */
@QuarkusTest
class NoticeRetryTest {

    @Test
    void a408A429AndTimeoutsAreRetriedUntilTheAttemptsRunOut() {
        try (RecipientApiServer api = RecipientApiServer.answering(408, 429, NO_ANSWER, NO_ANSWER)) {
            String subject = eraseAfterDisclosingTo(register("FRAUD_PREVENTION", "API", api.noticeUrl()));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> notice(subject)
                    .body("[0].status", equalTo("TASK_OPEN")));
            notice(subject)
                    .body("[0].attempts", equalTo(4))
                    .body("[0].lastError", containsString("Gave up after 4 attempts"))
                    .body("[0].lastError", containsString("timed out: no answer within 5s"));
            assertThat(api.received().stream().map(RecipientApiServer.Received::answeredWith).toList(),
                    contains(408, 429, NO_ANSWER, NO_ANSWER));
        }
    }

    @Test
    void aPostLeftUnansweredIsTimedOutAndPostedAgain() {
        try (RecipientApiServer api = RecipientApiServer.answering(NO_ANSWER)) {
            String subject = eraseAfterDisclosingTo(register("REFERENCE_AGENCY", "API", api.noticeUrl()));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> notice(subject)
                    .body("[0].status", equalTo("ACKNOWLEDGED")));
            notice(subject).body("[0].attempts", equalTo(2));
            assertThat(api.received().stream().map(RecipientApiServer.Received::answeredWith).toList(),
                    contains(NO_ANSWER, 200));
        }
    }
}
