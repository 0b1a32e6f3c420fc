package com.justelegance.privacy.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.history;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Recording consent decisions takes a storefront token, not a staff login, so it has a flood guard: past its limit a
 * minute (three here, 30,000 in production) it answers 429 with a problem document and when to try again, and the
 * refused decision is not recorded.
 */
@QuarkusTest
@TestProfile(ConsentDecisionFloodGuardTest.ThreeAMinute.class)
class ConsentDecisionFloodGuardTest {

    /** The limit lowered to three a minute. */
    public static final class ThreeAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("com.justelegance.privacy.consent.rest.ConsentResource/recordDecision/RateLimit/value", "3");
        }
    }

    @Test
    void pastItsLimitRecordingADecisionAnswers429AndRecordsNothing() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        decide(subject, "EMAIL_MARKETING", "WITHDRAWN").statusCode(201);
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);

        decide(subject, "EMAIL_MARKETING", "WITHDRAWN").statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://privacy.justelegance.com/problems/too-many-requests"))
                .body("status", equalTo(429));

        history(subject).statusCode(200).body("", hasSize(3));
        ConsentApi.current(subject).statusCode(200)
                .body("find { it.purpose == 'EMAIL_MARKETING' }.state", equalTo("GRANTED"));
    }
}
