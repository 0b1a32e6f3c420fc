package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.justelegance.privacy.disclosure.DisclosureEvents.newId;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.eraseAfterDisclosingTo;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.notice;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.notices;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.register;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Free text from staff (a recipient's display name, why a notice could not be given) and misspelt fields are held
 * to the kit's input rules: a 400 naming the field, never a 500, never the value echoed, nothing written.
 */
@QuarkusTest
class HostileInputTest {

    private static final String PROBLEMS = "https://privacy.justelegance.com/problems/";

    @Test
    void aNulInARecipientDisplayNameIsABadRequestNamingTheField() {
        String code = "TEST_" + newId("R").replace("-", "_").toUpperCase().substring(0, 20);
        String body = DisclosureApi.recipient(code, "COURIER", "\"CONTACT_NAME\"", "NONE", null)
                .replace("\"Test recipient " + code + "\"", "\"Courier\\u0000secret-words\"");
        DisclosureApi.as(Roles.PRIVACY_OFFICER).body(body)
                .when().post("/api/v1/recipients")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", contains("displayName"))
                .body(not(containsString("secret-words")));
        DisclosureApi.as(Roles.PRIVACY_OFFICER).when().get("/api/v1/recipients/{code}", code)
                .then().statusCode(404);
    }

    @Test
    void aNulInANoticeOutcomeExplanationIsABadRequestAndTheNoticeStaysOpen() {
        String recipient = register("REFERENCE_AGENCY", "EMAIL", "privacy@agency.example");
        String subject = eraseAfterDisclosingTo(recipient);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notice(subject)
                .body("[0].status", equalTo("TASK_OPEN")));
        String noticeId = notices(subject).extract().path("[0].id");

        DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body("{\"outcome\": \"DISPROPORTIONATE\", \"explanation\": \"Agency gone\\u0000secret-words\"}")
                .when().post("/api/v1/notices/{id}/outcome", noticeId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("explanation"))
                .body(not(containsString("secret-words")));
        DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body("{\"outcome\": \"DISPROPORTIONATE\", \"explanaton\": \"Agency gone\"}")
                .when().post("/api/v1/notices/{id}/outcome", noticeId)
                .then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "unknown-field"))
                .body("errors.field", contains("explanaton"));
        notices(subject).body("[0].status", equalTo("TASK_OPEN"));
    }
}
