package com.justelegance.privacy.retention;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/**
 * The purge starts by itself from {@code retention.purge.cron}, not only when someone calls it: with the schedule
 * set to every second, a run started by the scheduler appears in the run log. (Tests otherwise run with the
 * schedule off, so that no purge fires in the middle of another test.)
 */
@QuarkusTest
@TestProfile(ScheduledPurgeTest.EverySecond.class)
class ScheduledPurgeTest {

    /** The normal configuration with the purge scheduled every second. */
    public static class EverySecond implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("retention.purge.cron", "* * * * * ?");
        }
    }

    @Test
    void thePurgeFiresFromItsSchedule() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/purge-runs")
                .then().statusCode(200)
                .body("trigger", hasItem("SCHEDULED"))
                .body("startedBy", hasItem("scheduler")));
    }
}
