package com.justelegance.privacy.dsr.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The base URL `./stack up` prints answers without a token and points to the docs (service-kit, every service). */
@QuarkusTest
class ServiceIndexTest {

    @Test
    void theBaseUrlNamesTheServiceAndLinksItsDocumentation() {
        given().when().get("/")
                .then().statusCode(200)
                .body("service", equalTo("dsr-service"))
                .body("swaggerUi", equalTo("/q/swagger-ui"));
        given().when().get(given().when().get("/").path("swaggerUi").toString() + "/")
                .then().statusCode(200);
    }
}
