package com.justelegance.privacy.dsr.cases;

import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.SubjectRequestClosed;
import com.justelegance.privacy.events.SubjectRequestOpened;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.AtOnce;
import com.justelegance.privacy.testing.TestClock;
import com.justelegance.privacy.testing.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.justelegance.privacy.dsr.DsrApi.newCase;
import static com.justelegance.privacy.dsr.DsrApi.newSubject;
import static com.justelegance.privacy.dsr.DsrApi.officer;
import static com.justelegance.privacy.dsr.DsrApi.open;
import static com.justelegance.privacy.dsr.DsrApi.openCase;
import static com.justelegance.privacy.dsr.DsrApi.step;
import static com.justelegance.privacy.dsr.DsrApi.view;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A request's life as staff work it: recorded with its due date, the requester's details kept only encrypted,
 * identity and clarification moving the clock, one extension, closing, and the other services told when a request
 * about a known subject opens and closes. The clock stands on fixed UK days so due dates are exact.
 */
@QuarkusTest
class CaseLifecycleTest {

    /** A Thursday; one month later is Saturday 3 October, so the due date rolls to Monday 5 October. */
    private static final Instant SEPT_3 = Instant.parse("2026-09-03T09:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aPhoneRequestIsRecordedWithItsDueDateTrailAndTheRequesterOnlyEncrypted() throws Exception {
        clock.standAt(SEPT_3);
        String email = "ann." + UUID.randomUUID() + "@example.com";

        String id = open(Roles.CUSTOMER_SERVICE, newCase("ACCESS", email, null)).statusCode(201)
                .body("reference", startsWith("DSR-2026-"))
                .body("status", equalTo("RECEIVED"))
                .body("type", equalTo("ACCESS"))
                .body("receivedOn", equalTo("2026-09-03"))
                .body("recordedBy", equalTo("test-" + Roles.CUSTOMER_SERVICE))
                .body("deadline.dueOn", equalTo("2026-10-05"))
                .body("deadline.daysLeft", equalTo(32))
                .body("deadline.overdue", equalTo(false))
                .body("requester.email", equalTo(email))
                .body("trail.action", contains("opened"))
                .extract().path("id");
        view(id).body("trail.action", contains("opened", "letter-sent:ACKNOWLEDGEMENT"))
                .body("trail[1].why", containsString("5 October 2026"));

        try (Connection connection = dataSource.getConnection();
             PreparedStatement row = connection.prepareStatement("SELECT * FROM request_case WHERE id = ?")) {
            row.setObject(1, UUID.fromString(id));
            try (ResultSet result = row.executeQuery()) {
                result.next();
                StringBuilder stored = new StringBuilder();
                for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                    Object value = result.getObject(column);
                    stored.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                            : String.valueOf(value)).append('|');
                }
                assertThat(stored.toString(), not(containsString(email)));
                assertThat(stored.toString(), not(containsString("Ann Example")));
                assertThat(stored.toString(), not(containsString("copy of everything")));
            }
        }
    }

    @Test
    void waitingForProofOfIdentityStopsTheClockAndTheProofStartsTheMonthAfresh() {
        clock.standAt(SEPT_3);
        String id = openCase("ERASURE", "id." + UUID.randomUUID() + "@example.com", null);

        officer(id, "identity-request", null).statusCode(200)
                .body("status", equalTo("AWAITING_IDENTITY"))
                .body("deadline.dueOn", nullValue())
                .body("deadline.waitingForIdentity", equalTo(true))
                .body("deadline.paused", equalTo(true));

        clock.standAt(Instant.parse("2026-09-20T09:00:00Z"));
        officer(id, "identity-checks", "{\"method\": \"DOCUMENT\", \"outcome\": \"FAILED\", "
                + "\"note\": \"Photo did not match\"}").statusCode(200)
                .body("status", equalTo("AWAITING_IDENTITY"));
        // Proof that arrived on Friday 18 September: one month later is Sunday 18 October, so Monday 19 October.
        officer(id, "identity-checks", "{\"method\": \"DOCUMENT\", \"outcome\": \"VERIFIED\", "
                + "\"proofReceivedOn\": \"2026-09-18\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("deadline.startedOn", equalTo("2026-09-18"))
                .body("deadline.dueOn", equalTo("2026-10-19"))
                .body("trail.action", contains("opened", "letter-sent:ACKNOWLEDGEMENT", "identity-requested",
                        "letter-sent:IDENTITY_REQUEST", "identity-failed:DOCUMENT",
                        "identity-verified:DOCUMENT"))
                .body("trail.why", hasItem("Photo did not match"))
                .body("trail.actor", hasItem("test-" + Roles.PRIVACY_OFFICER));
    }

    @Test
    void clarificationPausesTheClockAndOneExtensionWithAReasonMovesItToThreeMonths() {
        clock.standAt(SEPT_3);
        String id = openCase("ACCESS", "cl." + UUID.randomUUID() + "@example.com", null);

        clock.standAt(Instant.parse("2026-09-10T09:00:00Z"));
        step(Roles.CUSTOMER_SERVICE, id, "clarification-request",
                "{\"question\": \"Which of your two accounts do you mean?\"}").statusCode(200)
                .body("status", equalTo("AWAITING_CLARIFICATION"))
                .body("deadline.paused", equalTo(true))
                .body("deadline.dueOn", nullValue());
        clock.standAt(Instant.parse("2026-09-17T09:00:00Z"));
        // Stopped on 10 September with 25 days left to 5 October (23 to the period's end on 3 October): the answer
        // on 17 September gives 17 September + 23 days = Saturday 10 October, so Monday 12 October.
        step(Roles.CUSTOMER_SERVICE, id, "clarification", "{\"answer\": \"The one with the Leeds address\"}")
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("deadline.paused", equalTo(false))
                .body("deadline.dueOn", equalTo("2026-10-12"));

        officer(id, "extension", "{\"reason\": \"Orders across three brands to search\"}").statusCode(200)
                .body("deadline.extended", equalTo(true))
                .body("deadline.extensionReason", equalTo("Orders across three brands to search"));
        officer(id, "extension", "{\"reason\": \"Again\"}").statusCode(409)
                .body("type", equalTo("https://privacy.justelegance.com/problems/extension-not-allowed"));
        officer(id, "extension", "{}").statusCode(400)
                .body("errors.field", hasItem("reason"));
    }

    @Test
    void anExtensionAfterTheDueDateIsRefused() {
        clock.standAt(SEPT_3);
        String id = openCase("ACCESS", "late." + UUID.randomUUID() + "@example.com", null);
        clock.standAt(Instant.parse("2026-10-06T09:00:00Z"));

        view(id).statusCode(200).body("deadline.overdue", equalTo(true))
                .body("deadline.daysLeft", equalTo(-1));
        officer(id, "extension", "{\"reason\": \"Complex\"}").statusCode(409)
                .body("type", equalTo("https://privacy.justelegance.com/problems/extension-not-allowed"));
    }

    @Test
    void aRequestAboutAKnownSubjectIsAnnouncedOnceClassifiedAndClosedWhenAnswered() {
        String subject = newSubject();
        try (TopicProbe requests = TopicProbe.open(Topics.SUBJECT_REQUESTS)) {
            String id = openCase(null, "to.classify." + UUID.randomUUID() + "@example.com",
                    "\"subjectId\": \"" + subject + "\"");
            view(id).body("type", nullValue());

            step(Roles.CUSTOMER_SERVICE, id, "classification", "{\"type\": \"RECTIFICATION\"}").statusCode(200);
            EventEnvelope<?> opened = requests.awaitEvent(event -> subject.equals(event.subjectId()));
            assertThat(opened.payload(), equalTo(new SubjectRequestOpened(id, SubjectRequestType.RECTIFICATION)));

            step(Roles.CUSTOMER_SERVICE, id, "completion", "{}").statusCode(403);
            officer(id, "completion", "{\"partially\": false}").statusCode(200)
                    .body("status", equalTo("COMPLETED"))
                    .body("deadline.daysLeft", nullValue());
            EventEnvelope<?> closed = requests.awaitEvent(event -> subject.equals(event.subjectId())
                    && event.payload() instanceof SubjectRequestClosed);
            assertThat(closed.payload(), equalTo(new SubjectRequestClosed(id)));
        }
    }

    @Test
    void aClosedCaseChangesNoMoreAndOfParallelRefusalsOneWins() {
        String id = openCase("ERASURE", "closed." + UUID.randomUUID() + "@example.com", null);

        List<ExtractableResponse<Response>> answers = AtOnce.call(() -> officer(id, "refusal",
                "{\"reason\": \"MANIFESTLY_EXCESSIVE\", \"explanation\": \"Fourth identical request this month\"}")
                .extract());

        assertThat(AtOnce.statuses(answers), equalTo(AtOnce.oneWinner(200)));
        AtOnce.assertConflicts(answers, "case-closed");
        view(id).body("status", equalTo("REFUSED"))
                .body("closingReason", equalTo("MANIFESTLY_EXCESSIVE"))
                .body("trail.action", contains("opened", "letter-sent:ACKNOWLEDGEMENT",
                        "refused:MANIFESTLY_EXCESSIVE", "letter-sent:REFUSAL"));
        step(Roles.CUSTOMER_SERVICE, id, "withdrawal", "{}").statusCode(409)
                .body("type", equalTo("https://privacy.justelegance.com/problems/case-closed"));
    }

    @Test
    void staffCommentOnOpenAndClosedCasesWithoutChangingTheirStatus() {
        String id = openCase("ACCESS", "comment." + UUID.randomUUID() + "@example.com", null);

        step(Roles.CUSTOMER_SERVICE, id, "comments", "{\"text\": \"Customer called: wants it by post\"}")
                .statusCode(200).body("status", equalTo("RECEIVED"));
        officer(id, "withdrawal", "{\"note\": \"Withdrawn by phone\"}").statusCode(200);
        step(Roles.CUSTOMER_SERVICE, id, "comments", "{\"text\": \"Sent a confirmation\"}").statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        step(Roles.CUSTOMER_SERVICE, id, "comments", "{\"text\": \"  \"}").statusCode(400)
                .body("errors.field", contains("text"));

        view(id).body("trail.action", contains("opened", "letter-sent:ACKNOWLEDGEMENT", "commented", "withdrawn",
                        "commented"))
                .body("trail.findAll { it.action == 'commented' }.why",
                        contains("Customer called: wants it by post", "Sent a confirmation"));
    }

    @Test
    void aSecondOpenCaseFromTheSameAddressIsFlaggedAsALikelyDuplicate() {
        String local = "dup." + UUID.randomUUID();
        String first = open(Roles.CUSTOMER_SERVICE, newCase("ACCESS", local + "@example.com", null))
                .statusCode(201).extract().path("reference");

        open(Roles.CUSTOMER_SERVICE, newCase("ERASURE", local.toUpperCase() + "@Example.com", null))
                .statusCode(201)
                .body("likelyDuplicates", contains(first));
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldWithoutEchoingIt() {
        clock.standAt(SEPT_3);
        String email = "bad." + UUID.randomUUID() + "@example.com";

        open(Roles.CUSTOMER_SERVICE, newCase("ACCESS", email, "\"receivedOn\": \"2026-09-04\""))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("receivedOn"))
                .body(not(containsString(email)));
        open(Roles.CUSTOMER_SERVICE, newCase("COMPLAINT", email, null)).statusCode(400)
                .contentType("application/problem+json")
                .body(not(containsString(email)));
        open(Roles.CUSTOMER_SERVICE, "{\"type\": \"ACCESS\", \"channel\": \"POST\", "
                + "\"requester\": {\"name\": \"Ann\", \"message\": \"hello\"}}").statusCode(400)
                .body("errors.field", contains("requester"));
        open(Roles.CUSTOMER_SERVICE, "{\"type\": \"ACCESS\", \"channel\": \"POST\", "
                + "\"requester\": {\"email\": \"" + email + "\", \"message\": \"hi\\u0007\"}}").statusCode(400)
                .body(not(containsString(email)));
        open(Roles.CUSTOMER_SERVICE, newCase("ACCESS", email, "\"receivedOn\": \"2018-06-01\""))
                .statusCode(409)
                .body("type", equalTo("https://privacy.justelegance.com/problems/bank-holidays-not-covered"));
        step(Roles.CUSTOMER_SERVICE, UUID.randomUUID().toString(), "withdrawal", "{}").statusCode(404)
                .body("type", equalTo("https://privacy.justelegance.com/problems/case-not-found"));
    }
}
