package com.justelegance.privacy.dsr.health;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** dsr-service has no Kafka channels and serves its API without the broker: its readiness does not name it. */
@QuarkusTest
class HealthTest {

    @Test
    void readinessReportsTheDatabaseAndNotTheBroker() {
        given().config(HealthWithoutBrokerTest.FIVE_SECONDS)
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", everyItem(not(containsString("Kafka"))));
    }
}
