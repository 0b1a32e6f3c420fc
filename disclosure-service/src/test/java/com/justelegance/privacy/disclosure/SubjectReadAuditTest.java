package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static com.justelegance.privacy.disclosure.DisclosureEvents.newId;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newSubject;
import static com.justelegance.privacy.disclosure.ErasureNoticesTest.recordDisclosure;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * Every read of a subject's data under /api/v1/subjects/{id}/ leaves an audit entry about that subject (as its
 * keyed hash), saying which read it was and whether withheld entries were included; the entry never quotes the id.
 */
@QuarkusTest
class SubjectReadAuditTest {

    @Inject
    KeyedHash keyedHash;

    @Test
    void readingASubjectsDisclosuresIsAuditedAgainstThatSubject() {
        String subject = newSubject();
        recordDisclosure(subject, "LAW_ENFORCEMENT", "LEGAL_OBLIGATION", newId("WMP"), true);
        String other = newSubject();

        DisclosureApi.as(Roles.CUSTOMER_SERVICE)
                .when().get("/api/v1/subjects/{s}/disclosures", subject)
                .then().statusCode(200);
        DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .when().get("/api/v1/subjects/{s}/disclosures?includeWithheld=true", subject)
                .then().statusCode(200);
        DisclosureApi.as(Roles.CUSTOMER_SERVICE)
                .when().get("/api/v1/subjects/{s}/disclosures", other)
                .then().statusCode(200);

        auditOf(subject)
                .body("findAll { it.action == 'disclosure.subject.read' }", hasSize(2))
                .body("findAll { it.action == 'disclosure.subject.read' }.details", contains(
                        containsString("\"includesWithheld\":true"), containsString("\"includesWithheld\":false")))
                .body("subjectRef", everyItem(equalTo(keyedHash.subjectRef(subject))))
                .body("details", everyItem(not(containsString(subject))));
        auditOf(other).body("findAll { it.action == 'disclosure.subject.read' }", hasSize(1));
    }

    @Test
    void readingASubjectsNoticesIsAuditedAgainstThatSubject() {
        String subject = newSubject();

        DisclosureApi.as(Roles.CUSTOMER_SERVICE)
                .when().get("/api/v1/subjects/{s}/notices", subject)
                .then().statusCode(200);

        auditOf(subject)
                .body("action", contains("disclosure.notices.read"))
                .body("[0].subjectRef", equalTo(keyedHash.subjectRef(subject)))
                .body("[0].details", containsString("\"includesWithheld\":false"));
    }

    /** The audit entries about the subject, newest first. */
    private static ValidatableResponse auditOf(String subject) {
        return DisclosureApi.as(Roles.AUDITOR)
                .when().get("/api/v1/audit-log?subjectId={s}", subject)
                .then().statusCode(200);
    }
}
