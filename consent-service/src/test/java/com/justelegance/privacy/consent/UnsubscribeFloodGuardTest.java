package com.justelegance.privacy.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The unsubscribe page is open to anyone, so it has a flood guard: past its limit a minute (three here, 1,200 in
 * production) it answers 429 with a problem document and when to try again, without doing the work.
 */
@QuarkusTest
@TestProfile(UnsubscribeFloodGuardTest.ThreeAMinute.class)
class UnsubscribeFloodGuardTest {

    /** The page's limit lowered to three a minute. */
    public static final class ThreeAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("com.justelegance.privacy.consent.rest.UnsubscribeResource/page/RateLimit/value", "3");
        }
    }

    @Test
    void pastItsLimitTheUnsubscribePageAnswers429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().accept("text/html").when().get("/api/v1/unsubscribe/{token}", "not-a-token-" + i)
                    .then().statusCode(400);
        }
        given().accept("text/html").when().get("/api/v1/unsubscribe/{token}", "not-a-token-4")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://privacy.justelegance.com/problems/too-many-requests"))
                .body("status", equalTo(429));
    }
}
