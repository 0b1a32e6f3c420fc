package com.justelegance.privacy.dsr.cases;

import com.justelegance.privacy.events.ErasureCompleted.WithheldRecords;
import com.icegreen.greenmail.util.GreenMail;
import com.justelegance.privacy.dsr.SentLetters;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.SubjectRequestClosed;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.InjectMailServer;
import com.justelegance.privacy.testing.TestClock;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.justelegance.privacy.dsr.DsrApi.newSubject;
import static com.justelegance.privacy.dsr.DsrEvents.PARTICIPANTS;
import static com.justelegance.privacy.dsr.DsrEvents.receipt;
import static com.justelegance.privacy.dsr.DsrApi.officer;
import static com.justelegance.privacy.dsr.DsrApi.openCase;
import static com.justelegance.privacy.dsr.DsrApi.queue;
import static com.justelegance.privacy.dsr.DsrApi.view;
import static com.justelegance.privacy.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * An erasure request carried out across the services over the real broker: the case asks every participant to
 * erase its subject, waits for a receipt from each, closes by itself when the last is in (partially when one kept
 * data for a reason of its own), and shows a participant that has not answered in time as overdue.
 */
@QuarkusTest
class CaseErasureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @InjectMailServer
    GreenMail mailServer;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anErasureRequestClosesCompletedWhenEveryParticipantHasAnswered() {
        String subject = newSubject();
        String email = "erase." + UUID.randomUUID() + "@example.com";
        String id = openCase("ERASURE", email, "\"subjectId\": \"" + subject + "\"");
        try (TopicProbe requests = TopicProbe.open(Topics.ERASURE_REQUESTS);
             TopicProbe subjectRequests = TopicProbe.open(Topics.SUBJECT_REQUESTS)) {
            officer(id, "erasure", null).statusCode(200).body("status", equalTo("AWAITING_OTHER_SERVICES"));
            EventEnvelope<?> requested = requests.awaitEvent(event -> subject.equals(event.subjectId()));
            assertThat(requested.payload(), equalTo(new ErasureRequested(id, ErasureReason.DATA_SUBJECT_REQUEST,
                    "dsr-service")));
            officer(id, "erasure", null).statusCode(409)
                    .body("type", equalTo("https://privacy.justelegance.com/problems/case-status-conflict"));

            for (String participant : PARTICIPANTS.subList(0, 3)) {
                TestEvents.publish(receipt(requested, participant, List.of()));
            }
            await().atMost(WAIT).untilAsserted(() -> erasure(id).body("awaiting", contains("storefront")));
            view(id).body("status", equalTo("AWAITING_OTHER_SERVICES"));

            TestEvents.publish(receipt(requested, "storefront", List.of(new WithheldRecords(
                    DataCategory.EMAIL, WithheldReason.SUPPRESSION_LIST, null))));
            await().atMost(WAIT).untilAsserted(() -> view(id).body("status", equalTo("COMPLETED")));
            view(id).body("trail.action", hasItem("erasure-completed"))
                    .body("trail.actor", hasItem("system:dsr-service"));
            erasure(id).body("closedAt", notNullValue())
                    .body("receipts.service", containsInAnyOrder(PARTICIPANTS.toArray()))
                    .body("receipts.find { it.service == 'consent-service' }.erased[0].category",
                            equalTo("CONSENT_RECORDS"));
            certificate(id).statusCode(200)
                    .body("certificate.caseReference", startsWith("DSR-"))
                    .body("certificate.outcome", equalTo("COMPLETED"))
                    .body("certificate.erasureRequestId", equalTo(id))
                    .body("signature.algorithm", equalTo("Ed25519"));
            String issued = certificate(id).extract().asString();
            String certificateId = certificate(id).extract().path("certificate.certificateId");
            SentLetters.awaitLetter(mailServer, email, certificateId);
            await().atMost(WAIT).untilAsserted(() -> view(id).body("trail.action",
                    hasItem("letter-sent:COMPLETION")));
            given().contentType("application/json").body(issued)
                    .when().post("/api/v1/erasure-certificates/verification")
                    .then().statusCode(200).body("valid", equalTo(true));
            given().contentType("application/json").body(issued.replace("\"count\":3", "\"count\":0"))
                    .when().post("/api/v1/erasure-certificates/verification")
                    .then().statusCode(200).body("valid", equalTo(false));
            assertThat(subjectRequests.awaitEvent(event -> subject.equals(event.subjectId())
                    && event.payload() instanceof SubjectRequestClosed).payload(), instanceOf(SubjectRequestClosed.class));
        }
    }

    @Test
    void dataAParticipantKeptForALegalObligationMakesThePartialCompletionExplicit() {
        String subject = newSubject();
        String id = erasureCase(subject);
        try (TopicProbe requests = TopicProbe.open(Topics.ERASURE_REQUESTS)) {
            officer(id, "erasure", null).statusCode(200);
            EventEnvelope<?> requested = requests.awaitEvent(event -> subject.equals(event.subjectId()));
            for (String participant : PARTICIPANTS) {
                TestEvents.publish(receipt(requested, participant, participant.equals("storefront")
                        ? List.of(new WithheldRecords(DataCategory.PURCHASE_HISTORY, WithheldReason.LEGAL_OBLIGATION,
                        LocalDate.parse("2032-04-05"))) : List.of()));
            }
            await().atMost(WAIT).untilAsserted(() -> view(id).body("status", equalTo("PARTIALLY_COMPLETED")));
            erasure(id).body("receipts.find { it.service == 'storefront' }.kept[0].reason",
                    equalTo("LEGAL_OBLIGATION"))
                    .body("receipts.find { it.service == 'storefront' }.kept[0].until", equalTo("2032-04-05"));
            certificate(id).statusCode(200).body("certificate.outcome", equalTo("PARTIALLY_COMPLETED"));
        }
    }

    @Test
    void aParticipantThatHasNotAnsweredInADayIsFlaggedOnTheCaseAndInTheQueue() {
        String subject = newSubject();
        String id = erasureCase(subject);
        String assignee = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        officer(id, "assignment", "{\"assignee\": \"" + assignee + "\"}").statusCode(200);
        officer(id, "erasure", null).statusCode(200);
        erasure(id).body("overdue", equalTo(false))
                .body("awaiting", containsInAnyOrder(PARTICIPANTS.toArray()));

        clock.standAt(Instant.now().plus(Duration.ofHours(25)));
        erasure(id).body("overdue", equalTo(true));
        queue("assignee=" + assignee).body("receiptsOverdue", contains(true));
    }

    @Test
    void onlyAnErasureRequestAboutAResolvedSubjectIsCarriedOut() {
        String access = openCase("ACCESS", "e." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + newSubject() + "\"");
        officer(access, "erasure", null).statusCode(409)
                .body("type", equalTo("https://privacy.justelegance.com/problems/case-status-conflict"));
        String unresolved = openCase("ERASURE", "e." + UUID.randomUUID() + "@example.com", null);
        officer(unresolved, "erasure", null).statusCode(409);
        certificate(unresolved).statusCode(404)
                .body("type", equalTo("https://privacy.justelegance.com/problems/certificate-not-issued"));
        erasure(unresolved).statusCode(404)
                .body("type", equalTo("https://privacy.justelegance.com/problems/erasure-not-requested"));
    }

    private static String erasureCase(String subject) {
        return openCase("ERASURE", "erase." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + subject + "\"");
    }

    private static ValidatableResponse certificate(String id) {
        return given().header("Authorization", bearer(Roles.AUDITOR))
                .when().get("/api/v1/requests/{id}/erasure/certificate", id)
                .then();
    }

    private static ValidatableResponse erasure(String id) {
        return given().header("Authorization", bearer(Roles.CUSTOMER_SERVICE))
                .when().get("/api/v1/requests/{id}/erasure", id)
                .then();
    }
}
