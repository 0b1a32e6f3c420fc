package com.justelegance.privacy.system;

import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TestTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;

import static com.justelegance.privacy.system.RunningSystem.Service.CONSENT;
import static com.justelegance.privacy.system.RunningSystem.Service.DISCLOSURE;
import static com.justelegance.privacy.system.RunningSystem.Service.DSR;
import static com.justelegance.privacy.system.RunningSystem.Service.RETENTION;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * Personal data that a misbehaving client sends, in a Kafka record or an HTTP request, is refused without ever
 * being written to a service's log.
 */
@ExtendWith(RunningSystem.class)
class NoPersonalDataInLogsTest {

    @Test
    void anEmailAddressSentByMistakeNeverReachesALog() {
        String subject = "cust-" + UUID.randomUUID();
        String email = "jane.doe." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        int retentionDeadLetters = deadLettersLogged(RETENTION);
        int disclosureDeadLetters = deadLettersLogged(DISCLOSURE);

        TestEvents.send(Topics.STOREFRONT_ACTIVITY, subject,
                "{\"eventType\": \"OrderPlaced\", \"subjectId\": \"" + email + "\", \"payload\": ");
        TestEvents.send(Topics.STOREFRONT_ACTIVITY, subject, """
                {"eventId": "%s", "eventType": "OrderPlaced", "schemaVersion": 1, "occurredAt": "2026-11-24T10:15:00Z",
                 "subjectId": "%s", "producer": "storefront", "correlationId": null,
                 "payload": {"orderId": "%s", "salesChannel": "WEBSITE", "courier": "DPD", "paymentProvider": null}}
                """.formatted(UUID.randomUUID(), subject, email));
        given().baseUri(RunningSystem.url(CONSENT))
                .header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType(ContentType.JSON)
                .body("""
                        {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED"}],
                         "policyVersion": "2026-11", "source": "CHECKOUT", "method": "ACCEPT"}""")
                .when().post("/api/v1/subjects/{subject}/consent-decisions", email)
                .then().statusCode(400);

        given().baseUri(RunningSystem.url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .queryParam("receivedOn", email)
                .when().get("/api/v1/deadlines")
                .then().statusCode(400);

        // Every service has handled what it was sent before its log is read: consent and dsr-service answered the
        // requests above; retention and disclosure both consume the storefront topic and dead-letter both
        // records, and say so in their logs.
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLettersLogged(RETENTION) >= retentionDeadLetters + 2
                && deadLettersLogged(DISCLOSURE) >= disclosureDeadLetters + 2);
        for (RunningSystem.Service service : RunningSystem.Service.values()) {
            assertThat(service + " log", RunningSystem.log(service), not(containsString(email)));
            assertThat(service + " log", RunningSystem.log(service), not(containsString("@example.com")));
        }
    }

    private static int deadLettersLogged(RunningSystem.Service service) {
        return RunningSystem.log(service).split("Dead-lettered " + Topics.STOREFRONT_ACTIVITY, -1).length - 1;
    }
}
