package com.justelegance.privacy.retention;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.justelegance.privacy.retention.RetentionApi.holds;
import static com.justelegance.privacy.retention.RetentionApi.putRule;
import static com.justelegance.privacy.retention.RetentionApi.rules;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A privacy officer's typo or a hostile client never becomes a 500 or a silently different rule: control characters,
 * periods that overflow, and misspelt fields are refused naming the field, and nothing changes.
 */
@QuarkusTest
class HostileInputTest {

    private static final String PROBLEMS = "https://privacy.justelegance.com/problems/";
    private static final String CATEGORY = "HOSTILE_INPUT_TEST";

    @Test
    void aNulInARuleReasonIsABadRequestNamingTheField() {
        putRule(CATEGORY, rule("P2Y", "Kept for\\u0000secret-words")).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", contains("reason"))
                .body(not(containsString("secret-words")));
        rules().statusCode(200).body("category", not(contains(CATEGORY)));
    }

    @Test
    void aPeriodThatOverflowsIsABadRequestNotAServerError() {
        for (String period : new String[]{"P1000000000W", "P2147483648D", "P99999999999999999999Y"}) {
            putRule(CATEGORY, rule(period, "Overflow")).statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "invalid-retention-period"))
                    .body("detail", containsString("ISO-8601"));
        }
    }

    @Test
    void aMisspeltExpectedVersionIsRefusedInsteadOfSkippingTheCheck() {
        putRule(CATEGORY, rule("P2Y", "First reason")).statusCode(201).body("version", equalTo(1));
        try {
            putRule(CATEGORY, rule("P3Y", "Second reason").replace("}", ", \"expectedVersoin\": 0}")).statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "unknown-field"))
                    .body("errors.field", contains("expectedVersoin"));
            rules().statusCode(200).body("find { it.category == '" + CATEGORY + "' }.version", equalTo(1))
                    .body("find { it.category == '" + CATEGORY + "' }.period", equalTo("P2Y"));
        } finally {
            given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                    .when().delete("/api/v1/retention-rules/{category}", CATEGORY)
                    .then().statusCode(204);
        }
    }

    @Test
    void aMisspeltEndDateDoesNotPlaceAHoldWithoutOne() {
        String subject = "cust-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"LITIGATION\", \"reference\": \"LIT-2001-007\", \"endsOm\": \"2027-01-31\"}")
                .when().post("/api/v1/subjects/{subject}/legal-holds", subject)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unknown-field"))
                .body("errors.field", contains("endsOm"));
        holds(subject).body("held", equalTo(false)).body("legalHolds", empty());
    }

    private static String rule(String period, String reason) {
        return """
                {"anchor": "ORDER_DATE", "period": "%s", "action": "ERASE", "reason": "%s"}"""
                .formatted(period, reason);
    }
}
