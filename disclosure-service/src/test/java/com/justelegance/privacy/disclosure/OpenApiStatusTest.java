package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.kit.problem.DisclosureProblem;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.OpenApiProblemTests;
import com.justelegance.privacy.testing.OpenApiStatuses;
import com.justelegance.privacy.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static com.justelegance.privacy.disclosure.DisclosureEvents.erasureRequested;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newId;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newSubject;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The OpenAPI document tells clients the truth: every operation that changes something documents exactly the
 * success statuses the API really answers (201 for what it creates), found by calling each one.
 */
@QuarkusTest
class OpenApiStatusTest extends OpenApiProblemTests {

    OpenApiStatusTest() {
        super(DisclosureProblem.class);
    }

    @Test
    void everyWriteOperationDocumentsTheSuccessStatusItAnswers() {
        Map<String, Set<Integer>> answered = new TreeMap<>();
        String code = "TEST_" + UUID.randomUUID().toString().replace("-", "_").toUpperCase().substring(0, 20);
        String recipient = DisclosureApi.recipient(code, "COURIER", "\"CONTACT_NAME\"", "EMAIL", "privacy@courier.example");
        String subject = newSubject();

        OpenApiStatuses.record(answered, "POST /api/v1/recipients",
                DisclosureApi.as(Roles.PRIVACY_OFFICER).body(recipient).when().post("/api/v1/recipients"));
        OpenApiStatuses.record(answered, "PUT /api/v1/recipients/{code}",
                DisclosureApi.as(Roles.PRIVACY_OFFICER).body(recipient).when().put("/api/v1/recipients/{code}", code));
        OpenApiStatuses.record(answered, "POST /api/v1/subjects/{subjectId}/disclosures", DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body(DisclosureApi.disclosure("DPD", "\"CONTACT_NAME\"", "CONTRACT", newId("ref"), false, null))
                .when().post("/api/v1/subjects/{s}/disclosures", subject));
        OpenApiStatuses.record(answered, "POST /api/v1/audience-uploads", DisclosureApi.as(Roles.MARKETING)
                .body("""
                        {"recipient": "FACEBOOK", "purpose": "SOCIAL_MEDIA_AUDIENCES", "uploadId": "%s",
                         "subjectIds": ["%s"]}""".formatted(newId("upl"), subject))
                .when().post("/api/v1/audience-uploads"));
        TestEvents.publish(erasureRequested(subject, newId("era")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ErasureNoticesTest.notices(subject)
                .body("status", equalTo(List.of("TASK_OPEN"))));
        String noticeId = ErasureNoticesTest.notices(subject).extract().path("[0].id");
        OpenApiStatuses.record(answered, "POST /api/v1/notices/{id}/outcome", DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body("{\"outcome\": \"SENT\"}").when().post("/api/v1/notices/{id}/outcome", noticeId));

        assertThat(answered.get("POST /api/v1/recipients"), equalTo(Set.of(201)));
        assertThat(answered.get("POST /api/v1/subjects/{subjectId}/disclosures"), equalTo(Set.of(201)));
        OpenApiStatuses.recordKitWrites(answered);
        assertThat(OpenApiStatuses.documented(OpenApiStatuses.WRITES), equalTo(answered));
    }
}
