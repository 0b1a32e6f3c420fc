package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.AtOnce;
import com.justelegance.privacy.testing.AuditTrail;
import com.justelegance.privacy.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.justelegance.privacy.testing.AtOnce.oneWinner;
import static com.justelegance.privacy.testing.AtOnce.statuses;
import static com.justelegance.privacy.disclosure.DisclosureEvents.erasureRequested;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newId;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newSubject;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Every state change here is made by one caller only, however many ask at once: twenty officers recording an
 * outcome of the same notice, changing the same recipient version, registering the same recipient or recording
 * the same disclosure together get one success and nineteen 409s, and the database shows one change and one audit
 * entry.
 */
@QuarkusTest
class ConcurrentChangesTest {

    @Inject
    EntityManager entityManager;

    @Test
    void twentyOutcomesRecordedForOneNoticeAtOnceRecordOne() {
        String subject = newSubject();
        ErasureNoticesTest.recordDisclosure(subject, "DPD", "CONTRACT", newId("ref"), false);
        TestEvents.publish(erasureRequested(subject, newId("era")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ErasureNoticesTest.notices(subject)
                .body("status", equalTo(List.of("TASK_OPEN"))));
        String noticeId = ErasureNoticesTest.notices(subject).extract().path("[0].id");

        List<ExtractableResponse<Response>> answers = AtOnce.call(() -> DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body("{\"outcome\": \"ACKNOWLEDGED\"}")
                .when().post("/api/v1/notices/{id}/outcome", noticeId)
                .then().extract());

        assertThat(statuses(answers), equalTo(oneWinner(200)));
        AtOnce.assertConflicts(answers, "notice-state");
        assertThat(AuditTrail.entries("disclosure.notice.outcome", null, noticeId), equalTo(1L));
        assertThat(versionOf("recipient_notice", "id = CAST(:key AS uuid)", noticeId), equalTo(1L));
    }

    @Test
    void twentyChangesOfOneRecipientVersionAtOnceMakeOneChange() {
        String code = register().statusCode(201).extract().path("code");

        List<ExtractableResponse<Response>> answers = AtOnce.call(() -> DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body(recipient(code).replace("\"noticeResponseDays\": 30",
                        "\"noticeResponseDays\": 14, \"expectedVersion\": 0"))
                .when().put("/api/v1/recipients/{code}", code)
                .then().extract());

        assertThat(statuses(answers), equalTo(oneWinner(200)));
        AtOnce.assertConflicts(answers, "recipient-version-conflict");
        assertThat(AuditTrail.entries("disclosure.recipient.updated", null, code), equalTo(1L));
        DisclosureApi.as(Roles.AUDITOR).when().get("/api/v1/recipients/{code}", code)
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("noticeResponseDays", equalTo(14));
    }

    @Test
    void twentyRegistrationsOfOneRecipientAtOnceRegisterItOnce() {
        String code = newCode();

        List<ExtractableResponse<Response>> answers = AtOnce.call(() -> DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body(recipient(code))
                .when().post("/api/v1/recipients")
                .then().extract());

        assertThat(statuses(answers), equalTo(oneWinner(201)));
        AtOnce.assertConflicts(answers, "recipient-exists");
        assertThat(AuditTrail.entries("disclosure.recipient.registered", null, code), equalTo(1L));
    }

    @Test
    void twentyRecordingsOfOneDisclosureAtOnceRecordItOnce() {
        String subject = newSubject();
        String body = DisclosureApi.disclosure("LAW_ENFORCEMENT", "\"CONTACT_NAME\"", "LEGAL_OBLIGATION", newId("WMP"), false,
                null);

        List<ExtractableResponse<Response>> answers = AtOnce.call(() -> DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body(body)
                .when().post("/api/v1/subjects/{s}/disclosures", subject)
                .then().extract());

        assertThat(statuses(answers), equalTo(oneWinner(201)));
        AtOnce.assertConflicts(answers, "disclosure-exists");
        DisclosureApi.as(Roles.PRIVACY_OFFICER).when().get("/api/v1/subjects/{s}/disclosures?includeWithheld=true", subject)
                .then().statusCode(200).body("$", hasSize(1));
        List<Map<String, String>> subjectAudit = DisclosureApi.as(Roles.AUDITOR)
                .when().get("/api/v1/audit-log?subjectId={s}&limit=1000", subject)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(subjectAudit.stream().filter(e -> e.get("action").equals("disclosure.recorded")).count(),
                equalTo(1L));
    }

    private static String newCode() {
        return "TEST_" + UUID.randomUUID().toString().replace("-", "_").toUpperCase().substring(0, 20);
    }

    private static String recipient(String code) {
        return DisclosureApi.recipient(code, "COURIER", "\"CONTACT_NAME\"", "EMAIL", "privacy@courier.example");
    }

    private static io.restassured.response.ValidatableResponse register() {
        String code = newCode();
        return DisclosureApi.as(Roles.PRIVACY_OFFICER).body(recipient(code)).when().post("/api/v1/recipients").then();
    }

    private long versionOf(String table, String where, String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT version FROM " + table + " WHERE " + where)
                .setParameter("key", key)
                .getSingleResult()).longValue());
    }
}
