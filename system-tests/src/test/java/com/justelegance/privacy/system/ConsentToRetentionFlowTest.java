package com.justelegance.privacy.system;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;

import static com.justelegance.privacy.system.RunningSystem.Service.CONSENT;
import static com.justelegance.privacy.system.RunningSystem.Service.RETENTION;
import static com.justelegance.privacy.system.RunningSystem.url;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The first flow across services: a consent decision recorded in consent-service reaches retention-service over
 * Kafka (outbox, relay, broker, inbox) and becomes the subject's last contact.
 */
@ExtendWith(RunningSystem.class)
class ConsentToRetentionFlowTest {

    @Test
    void aConsentGivenAtCheckoutBecomesTheSubjectsLastContact() {
        String subject = "cust-" + UUID.randomUUID();

        given().baseUri(url(CONSENT))
                .header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType(ContentType.JSON)
                .body("""
                        {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED"}],
                         "policyVersion": "2026-11", "source": "CHECKOUT", "method": "ACCEPT"}""")
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(url(RETENTION))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/timeline", subject)
                .then().statusCode(200)
                .body("entries.kind", contains("ConsentChanged")));
        given().baseUri(url(RETENTION))
                .header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/subjects/{subject}/timeline", subject)
                .then().statusCode(200)
                .body("subjectId", equalTo(subject));
    }

    @Test
    void everyServiceIsReadyAndRefusesAnonymousCalls() {
        for (RunningSystem.Service service : RunningSystem.Service.values()) {
            given().baseUri(url(service)).when().get("/q/health/ready").then().statusCode(200);
            given().baseUri(url(service)).when().get("/api/v1/audit-log").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }
}
