package com.justelegance.privacy.retention;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The calls the privacy officer makes, as the tests make them. */
final class RetentionApi {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private RetentionApi() {
    }

    static ValidatableResponse timeline(String subject) {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/timeline", subject)
                .then();
    }

    /** Waits until the subject's events are applied as far as giving this erasure due date. */
    static void awaitDueDate(String subject, Instant expected) {
        await().atMost(WAIT).untilAsserted(() -> timeline(subject).statusCode(200)
                .body("erasureDueAt", equalTo(expected.toString())));
    }

    static ValidatableResponse holds(String subject) {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/holds", subject)
                .then().statusCode(200);
    }

    static void awaitHeld(String subject, boolean held) {
        await().atMost(WAIT).untilAsserted(() -> holds(subject).body("held", equalTo(held)));
    }

    /** Places a legal hold and returns its id. */
    static String placeLegalHold(String subject) {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"LITIGATION\", \"reference\": \"LIT-2001-007\"}")
                .when().post("/api/v1/subjects/{subject}/legal-holds", subject)
                .then().statusCode(201)
                .extract().path("holdId");
    }

    static void releaseLegalHold(String holdId) {
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().post("/api/v1/legal-holds/{hold}/release", holdId)
                .then().statusCode(200);
    }

    static ValidatableResponse runPurge() {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().post("/api/v1/purge-runs")
                .then().statusCode(201);
    }

    static ValidatableResponse preview(int days) {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/purge-preview?days={days}&limit=10000", days)
                .then().statusCode(200);
    }

    /** Sets the rule for a category, as the privacy officer. */
    static ValidatableResponse putRule(String category, String body) {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .contentType(ContentType.JSON)
                .body(body)
                .when().put("/api/v1/retention-rules/{category}", category)
                .then();
    }

    /** The rules in force, as the privacy officer reads them. */
    static ValidatableResponse rules() {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/retention-rules")
                .then();
    }
}
