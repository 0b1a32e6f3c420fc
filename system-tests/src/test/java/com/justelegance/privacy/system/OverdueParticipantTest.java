package com.justelegance.privacy.system;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.simulator.customers.Customer;
import com.justelegance.privacy.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;

import static com.justelegance.privacy.system.RunningSystem.Service.DISCLOSURE;
import static com.justelegance.privacy.system.RunningSystem.Service.DSR;
import static com.justelegance.privacy.system.RunningSystem.url;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/**
 * An erasure while one participant is down: the case waits for it, names it as the one not answered, shows the
 * erasure overdue once the receipts are late (here after {@link RunningSystem#RECEIPTS_DUE_WITHIN}, in production a
 * day) and flags the case in the work queue; when the participant is back, it reads the request it missed, answers,
 * and the case completes.
 */
@ExtendWith(RunningSystem.class)
class OverdueParticipantTest {

    @Test
    void anErasureWaitsForAStoppedServiceShowsItOverdueAndCompletesWhenItIsBack() {
        String run = "ov" + UUID.randomUUID().toString().substring(0, 6);
        Customer customer = ErasureCases.playStorefrontCustomers(run, 3, 1000, 7).getFirst();
        ErasureCases.awaitKnownEverywhere(customer);
        String caseId = ErasureCases.openErasureCase(customer).getString("id");

        RunningSystem.stop(DISCLOSURE);
        try {
            ErasureCases.requestErasure(caseId);

            // The others answer; disclosure-service is awaited, and once the receipts are late, overdue.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonPath erasure = ErasureCases.erasure(caseId);
                assertThat(erasure.getList("receipts.service", String.class),
                        containsInAnyOrder("consent-service", "retention-service", "storefront"));
                assertThat(erasure.getList("awaiting", String.class), contains("disclosure-service"));
                assertThat(erasure.getBoolean("overdue"), is(true));
            });
            assertThat(ErasureCases.caseStatus(caseId), equalTo("AWAITING_OTHER_SERVICES"));
            JsonPath queue = given().baseUri(url(DSR))
                    .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                    .queryParam("type", "ERASURE")
                    .when().get("/api/v1/requests")
                    .then().statusCode(200).extract().jsonPath();
            assertThat("the work queue flags the case", queue.getBoolean(
                    "find { it.id == '" + caseId + "' }.receiptsOverdue"), is(true));
        } finally {
            RunningSystem.start(DISCLOSURE);
        }

        // Back, disclosure-service reads the request it missed and answers; the case closes by itself.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !ErasureCases.caseStatus(caseId).equals("AWAITING_OTHER_SERVICES"));
        assertThat("the storefront keeps the orders for tax", ErasureCases.caseStatus(caseId),
                equalTo("PARTIALLY_COMPLETED"));
        JsonPath erasure = ErasureCases.erasure(caseId);
        assertThat(erasure.getList("awaiting"), empty());
        assertThat(erasure.getBoolean("overdue"), is(false));
        assertThat(erasure.getList("receipts.service", String.class), containsInAnyOrder("consent-service",
                "disclosure-service", "retention-service", "storefront"));
    }
}
