package com.justelegance.privacy.retention;

import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.codes.SalesChannel;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.justelegance.privacy.retention.RetentionApi.putRule;
import static com.justelegance.privacy.retention.RetentionApi.rules;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The privacy officer reads the rules seeded from the policy, changes one (a new version, with who changed it,
 * and every subject's due date follows), and cannot save a rule that makes no sense.
 */
@QuarkusTest
class RetentionRulesTest {

    private static final String GENERAL_REASON =
            "Privacy policy: information is retained for 6 years after the customer's last contact";

    @Test
    void theRulesAreSeededFromThePrivacyPolicy() {
        rules().statusCode(200)
                .body("category", containsInAnyOrder("ACCOUNT_DATA", "GENERAL", "ORDER_AND_PAYMENT_RECORDS"))
                .body("find { it.category == 'GENERAL' }.anchor", equalTo("LAST_CONTACT"))
                .body("find { it.category == 'GENERAL' }.period", equalTo("P6Y"))
                .body("find { it.category == 'ACCOUNT_DATA' }.anchor", equalTo("ACCOUNT_CLOSED"))
                .body("find { it.category == 'ORDER_AND_PAYMENT_RECORDS' }.anchor", equalTo("ORDER_DATE"))
                .body("find { it.category == 'ORDER_AND_PAYMENT_RECORDS' }.period", equalTo("P6Y"));
    }

    @Test
    void changingARuleMakesANewVersionAndMovesEverySubjectsDueDate() {
        String subject = "cust-" + UUID.randomUUID();
        Instant ordered = Instant.parse("2026-02-01T12:00:00Z");
        TestEvents.publish(EventEnvelope.create(subject, "storefront", ordered,
                new OrderPlaced("ord-" + UUID.randomUUID(), SalesChannel.WEBSITE, null, null)));
        awaitDueDate(subject, "2032-02-01T12:00:00Z");
        int version = given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/retention-rules")
                .then().extract().path("find { it.category == 'GENERAL' }.version");

        try {
            putGeneral("P8Y", version).statusCode(200)
                    .body("version", equalTo(version + 1))
                    .body("changedBy", equalTo("test-" + Roles.PRIVACY_OFFICER));

            awaitDueDate(subject, "2034-02-01T12:00:00Z");
            given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                    .when().get("/api/v1/retention-rules/history?category=GENERAL")
                    .then().statusCode(200)
                    .body("[0].version", equalTo(version + 1))
                    .body("[0].change", equalTo("UPDATED"))
                    .body("[0].period", equalTo("P8Y"))
                    .body("[0].changedBy", equalTo("test-" + Roles.PRIVACY_OFFICER))
                    .body("[1].period", equalTo("P6Y"));
            given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                    .queryParam("limit", 1000)
                    .when().get("/api/v1/audit-log")
                    .then().statusCode(200)
                    .body("findAll { it.details.contains('\"category\":\"GENERAL\"') && it.details.contains("
                            + "'\"version\":" + (version + 1) + "') }.action", contains("retention.rule.updated"));
        } finally {
            putGeneral("P6Y", null).statusCode(200);
        }
        awaitDueDate(subject, "2032-02-01T12:00:00Z");
    }

    @Test
    void aChangeBasedOnAnOutdatedVersionIsRefused() {
        putGeneral("P6Y", 0).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/rule-version-conflict"));
    }

    @Test
    void aPeriodThatIsNotAnIsoPeriodIsRefusedSayingWhy() {
        putRule("GENERAL", rule("LAST_CONTACT", "six years", "ERASE", GENERAL_REASON)).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/invalid-retention-period"))
                .body("detail", containsString("ISO-8601"));
        putRule("GENERAL", rule("LAST_CONTACT", "-P6Y", "ERASE", GENERAL_REASON)).statusCode(400)
                .body("detail", containsString("negative"));
        rules().body("find { it.category == 'GENERAL' }.period", equalTo("P6Y"));
    }

    @Test
    void anUnknownAnchorOrAMissingReasonIsRefused() {
        putRule("GENERAL", rule("BIRTHDAY", "P6Y", "ERASE", GENERAL_REASON)).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/unreadable-body"))
                .body("detail", containsString("anchor"));
        putRule("GENERAL", "{\"anchor\": \"LAST_CONTACT\", \"period\": \"P6Y\", \"action\": \"ERASE\"}").statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/validation-failed"))
                .body("errors.field", hasItem("reason"));
        putRule("general rule", rule("LAST_CONTACT", "P6Y", "ERASE", GENERAL_REASON)).statusCode(400)
                .body("errors.field", hasItem("category"));
    }

    @Test
    void thePolicyCannotLoseItsLastRuleRunningFromTheLastContact() {
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().delete("/api/v1/retention-rules/GENERAL")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/general-rule-required"));
        putRule("GENERAL", rule("ORDER_DATE", "P6Y", "ERASE", GENERAL_REASON)).statusCode(409);

        rules().body("find { it.category == 'GENERAL' }.anchor", equalTo("LAST_CONTACT"));
    }

    @Test
    void aNewCategoryCanBeAddedAndDeleted() {
        // A category of its own, so no other test ever sees it, whatever happens here.
        String category = "TEST_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        putRule(category, rule("CONSENT_WITHDRAWN", "P2Y", "ANONYMISE", "Proof of consent after withdrawal"))
                .statusCode(201)
                .body("version", equalTo(1));

        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().delete("/api/v1/retention-rules/{category}?expectedVersion=1", category)
                .then().statusCode(204);
        rules().statusCode(200).body("category", not(hasItem(category)));
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/retention-rules/history?category={category}", category)
                .then().statusCode(200)
                .body("change", containsInAnyOrder("CREATED", "DELETED"));
    }

    private static ValidatableResponse putGeneral(String period, Integer expectedVersion) {
        String body = expectedVersion == null ? rule("LAST_CONTACT", period, "ERASE", GENERAL_REASON)
                : rule("LAST_CONTACT", period, "ERASE", GENERAL_REASON)
                        .replace("}", ", \"expectedVersion\": " + expectedVersion + "}");
        return putRule("GENERAL", body);
    }

    private static String rule(String anchor, String period, String action, String reason) {
        return """
                {"anchor": "%s", "period": "%s", "action": "%s", "reason": "%s"}"""
                .formatted(anchor, period, action, reason.replace("'", "\\u0027"));
    }

    private static void awaitDueDate(String subject, String expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/timeline", subject)
                .then().statusCode(200)
                .body("erasureDueAt", equalTo(expected)));
    }
}
