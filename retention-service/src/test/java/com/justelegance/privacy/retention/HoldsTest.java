package com.justelegance.privacy.retention;

import com.justelegance.privacy.events.CustomerContacted;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.SubjectRequestClosed;
import com.justelegance.privacy.events.SubjectRequestOpened;
import com.justelegance.privacy.events.codes.ComplaintStatus;
import com.justelegance.privacy.events.codes.ContactChannel;
import com.justelegance.privacy.events.codes.ContactReason;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.justelegance.privacy.retention.RetentionEvents.newSubject;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * What holds a subject from being purged: a legal hold the privacy officer places until they release it, a
 * complaint until a later contact reports it resolved, and a data-subject request while dsr-service has it open.
 */
@QuarkusTest
class HoldsTest {

    private static final Instant DAY = Instant.parse("2026-06-01T09:00:00Z");

    @Test
    void aLegalHoldHoldsTheSubjectUntilTheOfficerReleasesIt() {
        String subject = newSubject();

        String holdId = placeHold(subject, "LIT-2026-014").statusCode(201)
                .body("placedBy", equalTo("test-" + Roles.PRIVACY_OFFICER))
                .extract().path("holdId");
        holds(subject).body("held", equalTo(true))
                .body("legalHolds.reference", contains("LIT-2026-014"))
                .body("heldBy.kind", contains("LEGAL_HOLD"))
                .body("heldBy.description", contains(startsWith("legal hold LIT-2026-014 (LITIGATION) since ")));

        release(holdId).statusCode(200).body("releasedAt", notNullValue());
        holds(subject).body("held", equalTo(false)).body("heldBy", empty());
        release(holdId).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/hold-already-released"));
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/audit-log?subjectId={subject}", subject)
                .then().statusCode(200)
                .body("action", hasItem("retention.legal-hold.released"));
    }

    @Test
    void aHoldThatEndedInThePastOrAReferenceThatIsFreeTextIsRefused() {
        String subject = newSubject();

        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"LITIGATION\", \"reference\": \"LIT-1\", \"endsOn\": \"2001-01-01\"}")
                .when().post("/api/v1/subjects/{subject}/legal-holds", subject)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/hold-end-in-past"));
        placeHold(subject, "Jane Doe versus us").statusCode(400)
                .body("errors.field", contains("reference"));
        release(UUID.randomUUID().toString()).statusCode(404);
        release("not-a-uuid").statusCode(400);
        holds(subject).body("held", equalTo(false)).body("legalHolds", empty());
    }

    @Test
    void anOpenComplaintHoldsTheSubjectUntilALaterContactResolvesIt() {
        String subject = newSubject();
        String complaint = "cmp-" + UUID.randomUUID();

        TestEvents.publish(contact(subject, DAY, ComplaintStatus.OPEN, complaint));
        awaitHeld(subject, true).body("openComplaints.complaintId", contains(complaint))
                .body("heldBy.description", contains("open complaint " + complaint + " since " + DAY));

        TestEvents.publish(contact(subject, DAY.plus(Duration.ofDays(20)), ComplaintStatus.RESOLVED, complaint));
        awaitHeld(subject, false);

        // A report of the complaint being open that was made before the resolution, arriving late, changes nothing.
        TestEvents.publish(contact(subject, DAY.plus(Duration.ofDays(5)), ComplaintStatus.OPEN, complaint));
        TestEvents.publish(contact(subject, DAY.plus(Duration.ofDays(30)), ComplaintStatus.NONE, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/timeline", subject)
                .then().body("lastContactAt", equalTo(DAY.plus(Duration.ofDays(30)).toString())));
        holds(subject).body("held", equalTo(false));
    }

    @Test
    void anOpenDataSubjectRequestHoldsTheSubjectUntilDsrServiceClosesIt() {
        String subject = newSubject();
        String request = "dsr-" + UUID.randomUUID();

        TestEvents.publish(EventEnvelope.create(subject, "dsr-service", DAY,
                new SubjectRequestOpened(request, SubjectRequestType.ACCESS)));
        awaitHeld(subject, true)
                .body("openRequests.requestId", contains(request))
                .body("openRequests.requestType", contains("ACCESS"))
                .body("heldBy.description", contains("open ACCESS request " + request + " since " + DAY));

        TestEvents.publish(EventEnvelope.create(subject, "dsr-service", DAY.plus(Duration.ofDays(9)),
                new SubjectRequestClosed(request)));
        awaitHeld(subject, false).body("openRequests", empty());
    }

    static EventEnvelope<CustomerContacted> contact(String subject, Instant at, ComplaintStatus status,
                                                    String complaintId) {
        return EventEnvelope.create(subject, "storefront", at, new CustomerContacted("cc-" + UUID.randomUUID(),
                ContactChannel.PHONE, ContactReason.COMPLAINT, status, complaintId));
    }

    private static ValidatableResponse placeHold(String subject, String reference) {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"LITIGATION\", \"reference\": \"" + reference + "\"}")
                .when().post("/api/v1/subjects/{subject}/legal-holds", subject)
                .then();
    }

    private static ValidatableResponse release(String holdId) {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .contentType(ContentType.JSON)
                .when().post("/api/v1/legal-holds/{hold}/release", holdId)
                .then();
    }

    private static ValidatableResponse holds(String subject) {
        return given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/subjects/{subject}/holds", subject)
                .then().statusCode(200);
    }

    private static ValidatableResponse awaitHeld(String subject, boolean held) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> holds(subject).body("held", equalTo(held)));
        return holds(subject);
    }
}
