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
    void eachRowSaysDaysLeftPausedExtendedAndOnceClosedWhoDecidedItAndWhen() {
        String assignee = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        clock.standAt(Instant.parse("2026-03-02T09:00:00Z"));
        String email = "rows." + UUID.randomUUID() + "@example.com";
        String running = openCase("ACCESS", email, null);
        String extended = openCase("ACCESS", email, null);
        String waiting = openCase("ACCESS", email, null);
        String clarifying = openCase("ACCESS", email, null);
        String closed = openCase("ACCESS", email, null);
        for (String id : List.of(running, extended, waiting, clarifying, closed)) {
            step(Roles.CUSTOMER_SERVICE, id, "assignment", "{\"assignee\": \"" + assignee + "\"}").statusCode(200);
        }
        officer(extended, "extension", "{\"reason\": \"Many requests at once\"}").statusCode(200);
        officer(waiting, "identity-request", null).statusCode(200);
        officer(clarifying, "clarification-request", "{\"question\": \"Which account?\"}").statusCode(200);
        officer(closed, "completion", "{}").statusCode(200);

        // Received Monday 2 March: due Thursday 2 April, 31 days on; extended, due 2 June.
        var rows = queue("assignee=" + assignee + "&includeClosed=true").statusCode(200).extract().jsonPath();
        String row = "find { it.id == '%s' }.";
        assertThat(rows.getInt(row.formatted(running) + "daysLeft"), equalTo(31));
        assertThat(rows.getBoolean(row.formatted(running) + "paused"), equalTo(false));
        assertThat(rows.getBoolean(row.formatted(running) + "extended"), equalTo(false));
        assertThat(rows.getBoolean(row.formatted(running) + "overdue"), equalTo(false));
        assertThat(rows.getString(row.formatted(running) + "assignee"), equalTo(assignee));
        assertThat(rows.getString(row.formatted(running) + "decidedBy"), equalTo(null));
        assertThat(rows.getBoolean(row.formatted(extended) + "extended"), equalTo(true));
        assertThat(rows.getInt(row.formatted(extended) + "daysLeft"), equalTo(92));
        assertThat(rows.getBoolean(row.formatted(waiting) + "paused"), equalTo(true));
        assertThat(rows.getString(row.formatted(waiting) + "daysLeft"), equalTo(null));
        assertThat(rows.getBoolean(row.formatted(clarifying) + "paused"), equalTo(true));
        assertThat(rows.getString(row.formatted(closed) + "status"), equalTo("COMPLETED"));
        assertThat(rows.getString(row.formatted(closed) + "decidedBy"), equalTo("test-privacy-officer"));
        assertThat(rows.getString(row.formatted(closed) + "decidedAt"), equalTo("2026-03-02T09:00:00Z"));
        assertThat(rows.getString(row.formatted(closed) + "closedAt"), equalTo("2026-03-02T09:00:00Z"));
        assertThat(rows.getString(row.formatted(closed) + "daysLeft"), equalTo(null));

        // A comment on a closed case comes later on its trail; who decided it does not change.
        step(Roles.CUSTOMER_SERVICE, closed, "comments", "{\"text\": \"Called back\"}").statusCode(200);
        assertThat(queue("assignee=" + assignee + "&includeClosed=true").extract().jsonPath()
                .getString(row.formatted(closed) + "decidedBy"), equalTo("test-privacy-officer"));

        clock.standAt(Instant.parse("2026-04-06T09:00:00Z"));
        var later = queue("assignee=" + assignee).extract().jsonPath();
        assertThat(later.getBoolean(row.formatted(running) + "overdue"), equalTo(true));
        assertThat(later.getInt(row.formatted(running) + "daysLeft"), equalTo(-4));
    }

    @Test
    void unknownFiltersAreRefused() {
        queue("status=LOST").statusCode(400).contentType("application/problem+json");
        queue("limit=0").statusCode(400).contentType("application/problem+json");
        given().header("Authorization", com.justelegance.privacy.testing.TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/requests?limit=1").then().statusCode(200);
    }
}
