package com.justelegance.privacy.system;

import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.kit.inbox.DeadLetterPublisher;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.simulator.StorefrontSimulator;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TestInfrastructure;
import com.justelegance.privacy.testing.TestTokens;
import com.justelegance.privacy.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.justelegance.privacy.system.RunningSystem.Service.CONSENT;
import static com.justelegance.privacy.system.RunningSystem.Service.DISCLOSURE;
import static com.justelegance.privacy.system.RunningSystem.Service.RETENTION;
import static com.justelegance.privacy.system.RunningSystem.url;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

/**
 * A burst of realistic storefront traffic from our simulator (events to Kafka, consent choices over HTTP) is
 * accepted by the whole system: every customer gets a timeline and a disclosure ledger, their consent choices are
 * recorded, and nothing is dead-lettered.
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

            // Accepted everywhere: every customer has a timeline in retention-service and, as every simulated
            // customer orders and every order names a courier or a payment provider, a ledger in
            // disclosure-service; and consent-service holds the choices the simulator made for them.
            for (int n = 0; n < CUSTOMERS; n++) {
                String subject = "cust-" + run + "-" + n;
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().baseUri(url(RETENTION))
                        .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                        .when().get("/api/v1/subjects/{subject}/timeline", subject)
                        .then().statusCode(200));
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().baseUri(url(DISCLOSURE))
                        .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                        .when().get("/api/v1/subjects/{subject}/disclosures", subject)
                        .then().statusCode(200).body("$", not(empty())));
            }
            assertThat(consentDecisionsRecorded(run), greaterThan(0));

            // Nothing dead-lettered: a poison record sent last on each topic is dead-lettered by each consumer
            // after anything earlier on its partition, so once both markers show from both services, every dead
            // letter of this run would have shown too.
            String prefix = "cust-" + run + "-";
            String marker = "poison-marker-" + run;
            TestEvents.send(Topics.STOREFRONT_ACTIVITY, prefix + "marker", marker);
            TestEvents.send(Topics.CONSENT, prefix + "marker", marker);
            List<ConsumerRecord<String, String>> activity = new ArrayList<>();
            List<ConsumerRecord<String, String>> consent = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                activity.addAll(activityDeadLetters.drain(Duration.ofMillis(100)));
                consent.addAll(consentDeadLetters.drain(Duration.ofMillis(100)));
                return markedByBoth(activity, marker) && markedByBoth(consent, marker);
            });
            assertThat(ofThisRun(activity, prefix, marker), empty());
            assertThat(ofThisRun(consent, prefix, marker), empty());
        }
    }

    /** Both consumers of the topic (retention-service and disclosure-service) dead-lettered the marker. */
    private static boolean markedByBoth(List<ConsumerRecord<String, String>> deadLetters, String marker) {
        Set<String> services = deadLetters.stream().filter(r -> marker.equals(r.value()))
                .map(r -> TopicProbe.header(r, DeadLetterPublisher.CONSUMER_HEADER).split("/")[0])
                .collect(Collectors.toSet());
        return services.containsAll(Set.of("retention-service", "disclosure-service"));
    }

    private static List<String> ofThisRun(List<ConsumerRecord<String, String>> deadLetters, String prefix,
                                          String marker) {
        return deadLetters.stream()
                .filter(r -> r.key() != null && r.key().startsWith(prefix) && !marker.equals(r.value()))
                .map(r -> r.key() + ": " + TopicProbe.header(r, DeadLetterPublisher.REASON_HEADER))
                .toList();
    }

    /** How many consent decisions consent-service holds for the run's customers. */
    private static int consentDecisionsRecorded(String run) {
        int decisions = 0;
        for (int n = 0; n < CUSTOMERS; n++) {
            decisions += given().baseUri(url(CONSENT))
                    .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                    .when().get("/api/v1/subjects/{subject}/consent-decisions", "cust-" + run + "-" + n)
                    .then().statusCode(200).extract().jsonPath().getList("$").size();
        }
        return decisions;
    }
}
