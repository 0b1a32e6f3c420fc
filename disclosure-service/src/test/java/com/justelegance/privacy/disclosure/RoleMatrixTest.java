package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.RoleMatrix.Call;
import com.justelegance.privacy.testing.RoleMatrix.Endpoint;
import com.justelegance.privacy.testing.RoleMatrix;
import com.justelegance.privacy.testing.RoleMatrixTests;
import com.justelegance.privacy.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static com.justelegance.privacy.disclosure.DisclosureEvents.erasureRequested;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newId;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newSubject;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.notices;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.recordDisclosure;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.register;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Every endpoint against every caller (see RoleMatrix): the roles it names make a valid call and get its exact
 * success status, every other caller gets 403 and changes nothing, and no token gets 401. Calls that change data
 * work on a fresh subject or a fresh test recipient; a notice's outcome is recorded on a notice made for the cell (a
 * fresh subject's disclosure to a fresh e-mail recipient, then the subject's erasure).
 */
@QuarkusTest
class RoleMatrixTest extends RoleMatrixTests {

    RoleMatrixTest() {
        super(Roles.ALL, Roles.SERVICES);
    }

    private static final Set<String> READERS = Set.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.CUSTOMER_SERVICE);
    private static final Set<String> OFFICER_AND_AUDITOR = Set.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR);
    private static final Set<String> OFFICER = Set.of(Roles.PRIVACY_OFFICER);
    /** dsr-service reads a subject's disclosures, withheld ones included, to prepare access packages. */
    private static final Set<String> READERS_AND_DSR = Set.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR,
            Roles.CUSTOMER_SERVICE, Roles.DSR_SERVICE);
    private static final Set<String> OFFICER_AND_DSR = Set.of(Roles.PRIVACY_OFFICER, Roles.DSR_SERVICE);

    private static Noticed noticed;

    /** A subject erased after a disclosure, and the notice that went to the recipient. */
    private record Noticed(String subject, String noticeId) {
    }

    @Override
    protected List<Endpoint> serviceEndpoints() {
        return List.of(
                Endpoint.of("GET /api/v1/recipients", 200, READERS, () -> Call.get("/api/v1/recipients")),
                Endpoint.of("GET /api/v1/recipients/{code}", 200, READERS, () -> Call.get("/api/v1/recipients/DPD")),
                Endpoint.of("POST /api/v1/recipients", 201, OFFICER, RoleMatrixTest::registerRecipient),
                Endpoint.of("PUT /api/v1/recipients/{code}", 200, OFFICER, RoleMatrixTest::changeRecipient),
                Endpoint.of("GET /api/v1/recipients/{code}/disclosures", 200, OFFICER_AND_AUDITOR,
                        () -> Call.get("/api/v1/recipients/DPD/disclosures?from=2026-11-01&to=2026-11-30")),
                Endpoint.of("GET /api/v1/subjects/{id}/disclosures", 200, READERS_AND_DSR,
                        () -> Call.get("/api/v1/subjects/" + noticed.subject() + "/disclosures")),
                Endpoint.of("GET /api/v1/subjects/{id}/disclosures?includeWithheld=true", 200, OFFICER_AND_DSR,
                        () -> Call.get("/api/v1/subjects/" + noticed.subject() + "/disclosures?includeWithheld=true")),
                Endpoint.of("POST /api/v1/subjects/{id}/disclosures", 201, OFFICER, RoleMatrixTest::recordOne),
                Endpoint.of("GET /api/v1/subjects/{id}/notices", 200, READERS,
                        () -> Call.get("/api/v1/subjects/" + noticed.subject() + "/notices")),
                Endpoint.of("GET /api/v1/subjects/{id}/notices?includeWithheld=true", 200, OFFICER,
                        () -> Call.get("/api/v1/subjects/" + noticed.subject() + "/notices?includeWithheld=true")),
                Endpoint.of("GET /api/v1/sharing-checks", 200, Set.of(Roles.STOREFRONT, Roles.MARKETING,
                        Roles.PRIVACY_OFFICER), () -> Call.get("/api/v1/sharing-checks?subjectId=" + newSubject()
                        + "&recipient=FACEBOOK&purpose=SOCIAL_MEDIA_AUDIENCES")),
                Endpoint.of("POST /api/v1/audience-uploads", 200, Set.of(Roles.MARKETING, Roles.PRIVACY_OFFICER),
                        RoleMatrixTest::screenUpload),
                Endpoint.of("GET /api/v1/notices", 200, OFFICER_AND_AUDITOR, () -> Call.get("/api/v1/notices")),
                Endpoint.of("GET /api/v1/notices/{id}", 200, OFFICER_AND_AUDITOR,
                        () -> Call.get("/api/v1/notices/" + noticed.noticeId())),
                Endpoint.of("POST /api/v1/notices/{id}/outcome", 200, OFFICER, RoleMatrixTest::recordOutcome),
                Endpoint.of("GET /api/v1/disclosure-summary", 200, OFFICER_AND_AUDITOR,
                        () -> Call.get("/api/v1/disclosure-summary?from=2026-11&to=2026-11")));
    }

    @BeforeEach
    void aNoticedSubjectToRead() {
        if (noticed == null) {
            noticed = eraseAfterADisclosure();
        }
    }

    private static Call registerRecipient() {
        String code = "TEST_" + newId("R").replace("-", "_").toUpperCase().substring(0, 20);
        return Call.post("/api/v1/recipients", DisclosureApi.recipient(code, "REFERENCE_AGENCY", "\"CONTACT_NAME\"", "EMAIL",
                        "privacy@agency.example"))
                .expecting(response -> recipient(code).statusCode(200))
                .whenRefused(() -> recipient(code).statusCode(404));
    }

    private static Call changeRecipient() {
        String code = register("REFERENCE_AGENCY", "EMAIL", "privacy@agency.example");
        return Call.put("/api/v1/recipients/" + code, DisclosureApi.recipient(code, "FRAUD_PREVENTION", "\"CONTACT_NAME\"",
                        "EMAIL", "privacy@agency.example"))
                .expecting(response -> recipient(code).statusCode(200).body("category", equalTo("FRAUD_PREVENTION")))
                .whenRefused(() -> recipient(code).statusCode(200).body("category", equalTo("REFERENCE_AGENCY")));
    }

    private static Call recordOne() {
        String subject = newSubject();
        return Call.post("/api/v1/subjects/" + subject + "/disclosures", DisclosureApi.disclosure("LAW_ENFORCEMENT",
                        "\"CONTACT_NAME\"", "LEGAL_OBLIGATION", newId("WMP"), false, null))
                .expecting(response -> disclosures(subject).body("recipient", contains("LAW_ENFORCEMENT")))
                .whenRefused(() -> disclosures(subject).body("$", empty()));
    }

    private static Call screenUpload() {
        String subject = newSubject();
        return Call.post("/api/v1/audience-uploads", """
                        {"recipient": "FACEBOOK", "purpose": "SOCIAL_MEDIA_AUDIENCES", "uploadId": "%s",
                         "subjectIds": ["%s"]}""".formatted(newId("upl"), subject))
                .expecting(response -> response.body("allowed", empty()).body("refused.subjectId", contains(subject)));
    }

    private static Call recordOutcome() {
        String noticeId = eraseAfterADisclosure().noticeId();
        return Call.post("/api/v1/notices/" + noticeId + "/outcome", "{\"outcome\": \"SENT\"}")
                .expecting(response -> notice(noticeId).body("status", equalTo("SENT")))
                .whenRefused(() -> notice(noticeId).body("status", equalTo("TASK_OPEN")));
    }

    /** A fresh subject's disclosure to a fresh e-mail recipient, then the subject's erasure: one open notice task. */
    private static Noticed eraseAfterADisclosure() {
        String recipient = register("REFERENCE_AGENCY", "EMAIL", "privacy@agency.example");
        String subject = newSubject();
        recordDisclosure(subject, recipient, "LEGITIMATE_INTEREST", newId("ref"), false);
        TestEvents.publish(erasureRequested(subject, newId("era")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notices(subject)
                .body("$", hasSize(1)).body("[0].status", equalTo("TASK_OPEN")));
        return new Noticed(subject, notices(subject).extract().path("[0].id"));
    }

    private static ValidatableResponse recipient(String code) {
        return DisclosureApi.as(Roles.AUDITOR).when().get("/api/v1/recipients/{code}", code).then();
    }

    private static ValidatableResponse disclosures(String subject) {
        return DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .when().get("/api/v1/subjects/{s}/disclosures?includeWithheld=true", subject)
                .then().statusCode(200);
    }

    private static ValidatableResponse notice(String noticeId) {
        return DisclosureApi.as(Roles.AUDITOR).when().get("/api/v1/notices/{id}", noticeId).then().statusCode(200);
    }
}
