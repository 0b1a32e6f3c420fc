package com.justelegance.privacy.dsr.health;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

/** dsr-service consumes erasure receipts and publishes through the outbox: readiness reports the database and broker. */
@QuarkusTest
class HealthTest {

    @Test
    void readinessReportsTheDatabaseAndTheBroker() {
        given().config(HealthWithoutBrokerTest.FIVE_SECONDS)
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem("Kafka broker"))
                .body("checks.status", everyItem(equalTo("UP")));
    }
}
