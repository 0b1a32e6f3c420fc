package com.justelegance.privacy.dsr.cases;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.justelegance.privacy.dsr.DsrApi.officer;
import static com.justelegance.privacy.dsr.DsrApi.openCase;
import static com.justelegance.privacy.dsr.DsrApi.queue;
import static com.justelegance.privacy.dsr.DsrApi.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The work queue staff pick the next case from: soonest due first, cases waiting for the requester after them,
 * narrowed by status, type, overdue and assignee, and without personal data.
 */
@QuarkusTest
class CaseQueueTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theQueueListsTheSoonestDueFirstAndFiltersByStatusTypeOverdueAndAssignee() {
        String assignee = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        clock.standAt(Instant.parse("2026-03-02T09:00:00Z"));
        String email = "queue." + UUID.randomUUID() + "@example.com";
        String older = openCase("ACCESS", email, "\"receivedOn\": \"2026-02-02\"");
        String newer = openCase("ERASURE", email, null);
        String waiting = openCase("ACCESS", email, null);
        for (String id : List.of(older, newer, waiting)) {
            step(Roles.CUSTOMER_SERVICE, id, "assignment", "{\"assignee\": \"" + assignee + "\"}").statusCode(200)
                    .body("status", equalTo("IN_PROGRESS"));
        }
        officer(waiting, "identity-request", null).statusCode(200);

        List<String> mine = queue("assignee=" + assignee).statusCode(200)
                .body(not(containsString(email)))
                .extract().jsonPath().getList("id");
        assertThat(mine, equalTo(List.of(older, newer, waiting)));
        assertThat(queue("assignee=" + assignee + "&type=ERASURE").extract().jsonPath().getList("id"),
                equalTo(List.of(newer)));
        assertThat(queue("assignee=" + assignee + "&status=AWAITING_IDENTITY").extract().jsonPath().getList("id"),
                equalTo(List.of(waiting)));

        clock.standAt(Instant.parse("2026-03-04T09:00:00Z"));
        // Received 2 February: due Monday 2 March, so overdue on the 4th; the others are not.
        assertThat(queue("assignee=" + assignee + "&overdue=true").body("overdue", everyItem(equalTo(true)))
                .extract().jsonPath().getList("id"), equalTo(List.of(older)));
        assertThat(queue("assignee=" + assignee + "&overdue=false").extract().jsonPath().getList("id"),
                equalTo(List.of(newer, waiting)));

        // An erasure is completed by the services' receipts, never by hand; the requester may still withdraw it.
        officer(newer, "completion", "{}").statusCode(409);
        officer(newer, "withdrawal", "{}").statusCode(200);
        assertThat(queue("assignee=" + assignee).extract().jsonPath().getList("id"),
                equalTo(List.of(older, waiting)));
        assertThat(queue("assignee=" + assignee + "&includeClosed=true").extract().jsonPath().getList("id"),
                hasItem(newer));
    }

    @Test
    void unknownFiltersAreRefused() {
        queue("status=LOST").statusCode(400).contentType("application/problem+json");
        queue("limit=0").statusCode(400).contentType("application/problem+json");
        given().header("Authorization", com.justelegance.privacy.testing.TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/requests?limit=1").then().statusCode(200);
    }
}
