package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static com.justelegance.privacy.disclosure.DisclosureEvents.newId;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newSubject;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The privacy officer records disclosures that come from no event. A police disclosure can be withheld from the
 * subject's own view (DPA 2018 Sch. 2 para. 2): it is flagged, not dropped, and the privacy officer still sees it.
 */
@QuarkusTest
class RecordedDisclosureTest {

    private static final String NOTE = "Request from DC Smith about a stolen card";

    @Inject
    EntityManager entityManager;

    @Test
    void aPoliceDisclosureIsWithheldFromTheSubjectsViewButVisibleToThePrivacyOfficer() {
        String subject = newSubject();
        String policeRef = newId("WMP/2026");
        String fraudCheck = newId("chk");
        record(subject, DisclosureApi.disclosure("LAW_ENFORCEMENT", "\"CONTACT_NAME\", \"DELIVERY_ADDRESS\"",
                "LEGAL_OBLIGATION", policeRef, true, NOTE))
                .statusCode(201)
                .body("withheldFromSubject", equalTo(true))
                .body("note", equalTo(NOTE));
        record(subject, DisclosureApi.disclosure("FRAUD_PREVENTION", "\"EMAIL\"", "LEGITIMATE_INTEREST", fraudCheck, false,
                null)).statusCode(201);

        // The subject's view, as customer service assembles an access response: the police disclosure is absent.
        DisclosureApi.as(Roles.CUSTOMER_SERVICE)
                .when().get("/api/v1/subjects/{s}/disclosures", subject)
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].recipient", equalTo("FRAUD_PREVENTION"))
                .body("[0].withheldFromSubject", nullValue())
                .body("[0].note", nullValue());

        DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .when().get("/api/v1/subjects/{s}/disclosures?includeWithheld=true", subject)
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("find { it.recipient == 'LAW_ENFORCEMENT' }.withheldFromSubject", equalTo(true))
                .body("find { it.recipient == 'LAW_ENFORCEMENT' }.reference", equalTo(policeRef))
                .body("find { it.recipient == 'LAW_ENFORCEMENT' }.legalBasis", equalTo("LEGAL_OBLIGATION"))
                .body("find { it.recipient == 'LAW_ENFORCEMENT' }.note", equalTo(NOTE))
                .body("find { it.recipient == 'FRAUD_PREVENTION' }.withheldFromSubject", equalTo(false));

        DisclosureApi.as(Roles.CUSTOMER_SERVICE)
                .when().get("/api/v1/subjects/{s}/disclosures?includeWithheld=true", subject)
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void theOfficersNoteIsStoredEncryptedWithTheSubjectsKey() {
        String subject = newSubject();
        record(subject, DisclosureApi.disclosure("LAW_ENFORCEMENT", "\"PHONE\"", "LEGAL_OBLIGATION", newId("ref"), true, NOTE))
                .statusCode(201);

        byte[] stored = QuarkusTransaction.requiringNew().call(() -> (byte[]) entityManager
                .createNativeQuery("SELECT note FROM disclosure WHERE subject_id = :s")
                .setParameter("s", subject).getSingleResult());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1), not(containsString("DC Smith")));
    }

    @Test
    void badInputIsAProblemThatSaysWhat() {
        String subject = newSubject();
        record(subject, """
                {"recipient": "LAW_ENFORCEMENT", "dataCategories": ["EMAIL"], "reference": "r-1",
                 "disclosedAt": "2026-11-20T09:00:00Z"}""")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/validation-failed"))
                .body("errors.field", contains("legalBasis"));
        record(subject, DisclosureApi.disclosure("ACME_BROKER", "\"EMAIL\"", "LEGITIMATE_INTEREST", "r-1", false, null))
                .statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/unknown-recipient"));
        record(subject, DisclosureApi.disclosure("DPD", "\"EMAIL\"", "LEGAL_OBLIGATION", "r-1", true, null))
                .statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/withholding-not-allowed"));
        record(subject, DisclosureApi.disclosure("CREDIT_REFERENCE", "\"BROWSING_HISTORY\"", "LEGITIMATE_INTEREST", "r-1",
                false, null))
                .statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/category-not-registered"));
        record(subject, DisclosureApi.disclosure("CREDIT_REFERENCE", "\"PAYMENT_CARD\"", "LEGITIMATE_INTEREST",
                "jane@example.com", false, null))
                .statusCode(400)
                .body("errors.field", contains("reference"));

        OrderLedgerTest.disclosures(subject).body("$", hasSize(0));
    }

    @Test
    void theSameDisclosureCannotBeRecordedTwice() {
        String subject = newSubject();
        String body = DisclosureApi.disclosure("CREDIT_REFERENCE", "\"PAYMENT_CARD\"", "LEGITIMATE_INTEREST", newId("cr"),
                false, null);
        record(subject, body).statusCode(201);
        record(subject, body).statusCode(409)
                .body("type", equalTo("https://privacy.justelegance.com/problems/disclosure-exists"));
    }

    @Test
    void thePrivacyOfficerSeesWhatWentToARecipientInAPeriod() {
        String recipient = ErasureNoticesTest.register("REFERENCE_AGENCY", "NONE", null);
        String first = newSubject();
        String second = newSubject();
        ErasureNoticesTest.recordDisclosure(first, recipient, "LEGITIMATE_INTEREST", newId("cr"), false);
        ErasureNoticesTest.recordDisclosure(second, recipient, "LEGITIMATE_INTEREST", newId("cr"), false);

        DisclosureApi.as(Roles.AUDITOR)
                .when().get("/api/v1/recipients/{r}/disclosures?from=2026-11-20&to=2026-11-20", recipient)
                .then().statusCode(200)
                .body("subjectId", containsInAnyOrder(first, second))
                .body("dataCategories", everyItem(contains("CONTACT_NAME")));
        DisclosureApi.as(Roles.AUDITOR)
                .when().get("/api/v1/recipients/{r}/disclosures?from=2026-11-21&to=2026-12-31", recipient)
                .then().statusCode(200)
                .body("$", hasSize(0));
        DisclosureApi.as(Roles.AUDITOR)
                .when().get("/api/v1/recipients/{r}/disclosures?from=2026-12-01&to=2026-11-01", recipient)
                .then().statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/invalid-period"));
        DisclosureApi.as(Roles.AUDITOR)
                .when().get("/api/v1/recipients/{r}/disclosures?from=yesterday&to=2026-11-01", recipient)
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse record(String subject, String body) {
        return DisclosureApi.as(Roles.PRIVACY_OFFICER).body(body)
                .when().post("/api/v1/subjects/{s}/disclosures", subject)
                .then();
    }
}
