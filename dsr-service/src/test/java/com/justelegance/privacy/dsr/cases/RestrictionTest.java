package com.justelegance.privacy.dsr.cases;

import com.icegreen.greenmail.util.GreenMail;
import com.justelegance.privacy.dsr.DsrApi;
import com.justelegance.privacy.dsr.SentLetters;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.ProcessingRestricted;
import com.justelegance.privacy.events.ProcessingRestrictionLifted;
import com.justelegance.privacy.events.SubjectRequestClosed;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import com.justelegance.privacy.testing.InjectMailServer;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.justelegance.privacy.dsr.DsrApi.officer;
import static com.justelegance.privacy.dsr.DsrApi.openCase;
import static com.justelegance.privacy.dsr.DsrApi.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Restriction of processing over the real broker and mail server: putting it on answers the case and publishes
 * ProcessingRestricted for the other services; it outlives the case until the privacy officer lifts it, which
 * publishes ProcessingRestrictionLifted and tells the requester why.
 */
@QuarkusTest
class RestrictionTest {

    private static final String PROBLEMS = "https://privacy.justelegance.com/problems/";

    @InjectMailServer
    GreenMail mailServer;

    @Test
    void aRestrictionIsPublishedAnswersTheCaseAndLastsUntilLifted() {
        String subject = DsrApi.newSubject();
        String email = "restrict." + UUID.randomUUID() + "@example.com";
        String id = openCase("RESTRICTION", email, "\"subjectId\": \"" + subject + "\"");

        try (TopicProbe requests = TopicProbe.open(Topics.SUBJECT_REQUESTS)) {
            officer(id, "restriction", "{\"note\": \"Disputes the accuracy of the delivery address\"}")
                    .statusCode(200)
                    .body("status", equalTo("COMPLETED"))
                    .body("trail.action", hasItem("restricted"));
            EventEnvelope<?> restricted = requests.awaitEvent(event -> subject.equals(event.subjectId())
                    && event.payload() instanceof ProcessingRestricted);
            assertThat(((ProcessingRestricted) restricted.payload()).requestId(), equalTo(id));
            requests.awaitEvent(event -> subject.equals(event.subjectId())
                    && event.payload() instanceof SubjectRequestClosed);
        }
        SentLetters.awaitLetter(mailServer, email, "We have restricted the use of your personal data");
        restriction(id).statusCode(200).body("inForce", equalTo(true)).body("restrictedAt", notNullValue());
        inForce().body("caseId", hasItem(id)).body("find { it.caseId == '" + id + "' }.subjectId", equalTo(subject));

        try (TopicProbe requests = TopicProbe.open(Topics.SUBJECT_REQUESTS)) {
            officer(id, "restriction/lift", "{\"reason\": \"The address was checked and corrected\"}")
                    .statusCode(200)
                    .body("status", equalTo("COMPLETED"))
                    .body("trail.action", hasItems("restricted", "restriction-lifted"));
            EventEnvelope<?> lifted = requests.awaitEvent(event -> subject.equals(event.subjectId())
                    && event.payload() instanceof ProcessingRestrictionLifted);
            assertThat(((ProcessingRestrictionLifted) lifted.payload()).requestId(), equalTo(id));
        }
        SentLetters.awaitLetter(mailServer, email, "The address was checked and corrected");
        restriction(id).statusCode(200).body("inForce", equalTo(false)).body("liftedAt", notNullValue());
        inForce().body("caseId", not(hasItem(id)));

        officer(id, "restriction/lift", "{\"reason\": \"Again\"}").statusCode(409)
                .body("type", equalTo(PROBLEMS + "not-restricted"));
    }

    @Test
    void onlyAResolvedRestrictionCaseIsRestrictedAndOnlyByThePrivacyOfficer() {
        String access = openCase("ACCESS", "restrict." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
        officer(access, "restriction", "{}").statusCode(409)
                .body("type", equalTo(PROBLEMS + "case-status-conflict"));
        restriction(access).statusCode(409).body("type", equalTo(PROBLEMS + "not-restricted"));
        officer(access, "restriction/lift", "{\"reason\": \"No reason\"}").statusCode(409)
                .body("type", equalTo(PROBLEMS + "not-restricted"));

        String unresolved = openCase("RESTRICTION", "restrict." + UUID.randomUUID() + "@example.com", null);
        officer(unresolved, "restriction", "{}").statusCode(409)
                .body("type", equalTo(PROBLEMS + "case-status-conflict"));

        String restriction = openCase("RESTRICTION", "restrict." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
        step(Roles.CUSTOMER_SERVICE, restriction, "restriction", "{}").statusCode(403);
        officer(restriction, "restriction", "{}").statusCode(200);
        officer(restriction, "restriction", "{}").statusCode(409).body("type", equalTo(PROBLEMS + "case-closed"));
        officer(restriction, "restriction/lift", "{\"reason\": \"\"}").statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("reason")));
        step(Roles.CUSTOMER_SERVICE, restriction, "restriction/lift", "{\"reason\": \"x\"}").statusCode(403);
        restriction(UUID.randomUUID().toString()).statusCode(404);
    }

    private static ValidatableResponse inForce() {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/restrictions?limit=1000")
                .then().statusCode(200);
    }

    private static ValidatableResponse restriction(String caseId) {
        return given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/requests/{id}/restriction", caseId)
                .then();
    }
}
