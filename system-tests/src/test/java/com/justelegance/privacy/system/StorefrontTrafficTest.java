package com.justelegance.privacy.system;

import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.simulator.StorefrontSimulator;
import com.justelegance.privacy.testing.TestInfrastructure;
import com.justelegance.privacy.testing.TestTokens;
import com.justelegance.privacy.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

import java.time.Duration;
import java.util.UUID;

import static com.justelegance.privacy.system.RunningSystem.Service.CONSENT;
import static com.justelegance.privacy.system.RunningSystem.Service.RETENTION;
import static com.justelegance.privacy.system.RunningSystem.url;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * A burst of realistic storefront traffic from our simulator (events to Kafka, consent choices over HTTP) is
 * accepted by the whole system: every customer gets a timeline and nothing is dead-lettered.
 */
@ExtendWith(RunningSystem.class)
class StorefrontTrafficTest {

    private static final int CUSTOMERS = 40;

    @Test
    void simulatedStorefrontTrafficIsAcceptedEverywhere() {
        String run = "st" + UUID.randomUUID().toString().substring(0, 6);
        String storefrontToken = TestTokens.bearer(Roles.STOREFRONT).substring("Bearer ".length());
        try (TopicProbe activityDeadLetters = TopicProbe.open(Topics.deadLetterTopic(Topics.STOREFRONT_ACTIVITY));
             TopicProbe consentDeadLetters = TopicProbe.open(Topics.deadLetterTopic(Topics.CONSENT))) {

            int exitCode = new CommandLine(new StorefrontSimulator()).execute(
                    "--bootstrap", TestInfrastructure.kafkaBootstrap(), "--consent-url", url(CONSENT),
                    "--token", storefrontToken, "--customers", Integer.toString(CUSTOMERS), "--seed", "2026",
                    "--run-id", run);
            assertThat(exitCode, equalTo(0));

            for (int n = 0; n < CUSTOMERS; n++) {
                String subject = "cust-" + run + "-" + n;
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url(RETENTION))
                        .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                        .when().get("/api/v1/subjects/{subject}/timeline", subject)
                        .then().statusCode(200));
            }
            String prefix = "cust-" + run + "-";
            assertThat(activityDeadLetters.drain(Duration.ofMillis(500)).stream()
                    .filter(r -> r.key() != null && r.key().startsWith(prefix)).toList(), empty());
            assertThat(consentDeadLetters.drain(Duration.ofMillis(500)).stream()
                    .filter(r -> r.key() != null && r.key().startsWith(prefix)).toList(), empty());
        }
    }
}
