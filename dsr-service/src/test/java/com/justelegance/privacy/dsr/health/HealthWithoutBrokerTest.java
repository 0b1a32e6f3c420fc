package com.justelegance.privacy.dsr.health;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * With the broker unreachable, health answers at once (the kit's Kafka check gives up after a second): liveness
 * stays UP, so nothing restarts a healthy process, and readiness is DOWN naming the broker.
 */
@QuarkusTest
@TestProfile(HealthWithoutBrokerTest.UnreachableBroker.class)
class HealthWithoutBrokerTest {

    /** A hanging health call fails the test instead of passing late. */
    static final RestAssuredConfig FIVE_SECONDS = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig()
            .setParam("http.connection.timeout", 5000)
            .setParam("http.socket.timeout", 5000));

    @Test
    void livenessStaysUpAndReadinessNamesTheBrokerAtOnce() {
        given().config(FIVE_SECONDS)
                .when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
        given().config(FIVE_SECONDS)
                .when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("DOWN"))
                .body("checks.findAll { it.status == 'DOWN' }.name", hasItem("Kafka broker"));
    }

    /** The broker pointed at a local port nothing listens on. */
    public static class UnreachableBroker implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "localhost:" + closedPort());
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
