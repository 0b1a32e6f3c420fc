package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.justelegance.privacy.disclosure.ErasureNoticesTest.eraseAfterDisclosingTo;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.notice;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.notices;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.register;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Notices reach recipients through their channel: an API recipient's notice is posted again with back-off until it
 * is accepted, a refusal hands it to a person, and a person records what happened or why telling the recipient is
 * impossible or disproportionate. Open notices past the recipient's response time are listed as overdue.
 */
@QuarkusTest
class NoticeDeliveryTest {

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aFailingRecipientApiIsRetriedUntilItAcknowledges() {
        try (RecipientApiServer api = RecipientApiServer.answering(503, 503)) {
            String recipient = register("FRAUD_PREVENTION", "API", api.noticeUrl());
            String subject = eraseAfterDisclosingTo(recipient);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> notice(subject)
                    .body("[0].status", equalTo("ACKNOWLEDGED")));
            notice(subject).body("[0].attempts", equalTo(3)).body("[0].recipientReferences", empty());
            assertThat(api.received().stream().map(RecipientApiServer.Received::answeredWith).toList(),
                    contains(503, 503, 200));
            String noticeId = notice(subject).extract().path("[0].id");
            assertThat(api.received().stream().map(RecipientApiServer.Received::idempotencyKey).toList(),
                    everyItem(equalTo(noticeId)));
        }
    }

    @Test
    void aRefusedNoticeBecomesATaskAndThePersonRecordsWhyItCannotBeGiven() {
        try (RecipientApiServer api = RecipientApiServer.answering(422)) {
            String recipient = register("REFERENCE_AGENCY", "API", api.noticeUrl());
            String subject = eraseAfterDisclosingTo(recipient);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> notice(subject)
                    .body("[0].status", equalTo("TASK_OPEN"))
                    .body("[0].lastError", containsString("HTTP 422")));
            String noticeId = notice(subject).extract().path("[0].id");
            DisclosureApi.as(Roles.PRIVACY_OFFICER)
                    .when().get("/api/v1/notices?status=TASK_OPEN&recipient={r}", recipient)
                    .then().statusCode(200).body("id", contains(noticeId));

            outcome(noticeId, "{\"outcome\": \"DISPROPORTIONATE\"}").statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://privacy.justelegance.com/problems/explanation-required"));
            outcome(noticeId, "{\"outcome\": \"DISPROPORTIONATE\", \"explanation\": \"Agency dissolved in 2025\"}")
                    .statusCode(200)
                    .body("status", equalTo("DISPROPORTIONATE"))
                    .body("outcomeNote", equalTo("Agency dissolved in 2025"))
                    .body("recipientReferences", empty());
            outcome(noticeId, "{\"outcome\": \"SENT\"}").statusCode(409)
                    .body("type", equalTo("https://privacy.justelegance.com/problems/notice-state"));
            assertThat(api.received(), hasSize(1));
        }
    }

    @Test
    void anOpenNoticePastItsResponseTimeIsOverdueUntilAcknowledged() {
        String recipient = register("REFERENCE_AGENCY", "EMAIL", "privacy@agency.example");
        String subject = eraseAfterDisclosingTo(recipient);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notice(subject)
                .body("[0].status", equalTo("TASK_OPEN")));
        String noticeId = notice(subject).extract().path("[0].id");
        overdue(recipient).body("$", empty());

        clock.moveForward(Duration.ofDays(31));
        overdue(recipient).body("id", contains(noticeId)).body("[0].overdue", equalTo(true));

        outcome(noticeId, "{\"outcome\": \"SENT\"}").statusCode(200).body("status", equalTo("SENT"));
        overdue(recipient).body("id", contains(noticeId));
        outcome(noticeId, "{\"outcome\": \"ACKNOWLEDGED\"}").statusCode(200);
        overdue(recipient).body("$", empty());
    }

    private static ValidatableResponse overdue(String recipient) {
        return DisclosureApi.as(Roles.AUDITOR)
                .when().get("/api/v1/notices?overdue=true&recipient={r}", recipient)
                .then().statusCode(200);
    }

    private static ValidatableResponse outcome(String noticeId, String body) {
        return DisclosureApi.as(Roles.PRIVACY_OFFICER).body(body)
                .when().post("/api/v1/notices/{id}/outcome", noticeId)
                .then();
    }
}
