package com.justelegance.privacy.retention;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestClock;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.justelegance.privacy.retention.RetentionApi.holds;
import static com.justelegance.privacy.retention.RetentionEvents.newSubject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** A legal hold placed with an end date holds through that day (UTC) and stops holding the day after. */
@QuarkusTest
class HoldEndDateTest {

    private static final Instant PLACED = Instant.parse("2026-06-01T09:00:00Z");

    @Inject
    TestClock clock;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void aHoldWhoseEndDatePassesStopsHolding() {
        String subject = newSubject();
        clock.standAt(PLACED);
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"LITIGATION\", \"reference\": \"LIT-2026-END\", \"endsOn\": \"2026-06-30\"}")
                .when().post("/api/v1/subjects/{subject}/legal-holds", subject)
                .then().statusCode(201);
        holds(subject).body("held", equalTo(true)).body("legalHolds.reference", contains("LIT-2026-END"));

        clock.standAt(Instant.parse("2026-06-30T23:59:00Z"));
        holds(subject).body("held", equalTo(true));

        clock.standAt(Instant.parse("2026-07-01T00:00:00Z"));
        holds(subject).body("held", equalTo(false));
    }
}
