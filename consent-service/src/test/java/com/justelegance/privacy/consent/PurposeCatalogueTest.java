package com.justelegance.privacy.consent;

import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.check;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * The purpose catalogue comes seeded from the privacy policy, and the privacy officer adds and edits purposes
 * (audited); the catalogue refuses terms PECR does not allow.
 */
@QuarkusTest
class PurposeCatalogueTest {

    @Test
    void theCatalogueIsSeededFromThePolicy() {
        as(Roles.STOREFRONT).when().get("/api/v1/purposes")
                .then().statusCode(200)
                .body("code", hasItems("EMAIL_MARKETING", "SMS_MARKETING", "POST_MARKETING", "PHONE_MARKETING",
                        "PERSONALISED_EMAILS", "ANALYTICS_COOKIES", "ADVERTISING_COOKIES", "SESSION_REPLAY_COOKIES",
                        "SOCIAL_MEDIA_AUDIENCES"))
                .body("find { it.code == 'EMAIL_MARKETING' }.lawfulBasis", equalTo("CONSENT"))
                .body("find { it.code == 'EMAIL_MARKETING' }.softOptInAllowed", equalTo(true))
                .body("find { it.code == 'EMAIL_MARKETING' }.channel", equalTo("EMAIL"))
                .body("find { it.code == 'POST_MARKETING' }.lawfulBasis", equalTo("LEGITIMATE_INTEREST"))
                .body("find { it.code == 'POST_MARKETING' }.softOptInAllowed", equalTo(false))
                .body("find { it.code == 'ADVERTISING_COOKIES' }.saleOrSharing", equalTo(true))
                .body("find { it.code == 'SOCIAL_MEDIA_AUDIENCES' }.saleOrSharing", equalTo(true))
                .body("find { it.code == 'ANALYTICS_COOKIES' }.saleOrSharing", equalTo(false));
    }

    @Test
    void thePrivacyOfficerAddsAPurposeThatCanBeConsentedToAndThenChangesItsBasis() {
        String code = "TEST_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        int version = as(Roles.PRIVACY_OFFICER).body("""
                        {"channel": "POST", "lawfulBasis": "CONSENT", "description": "Printed catalogue twice a year",
                         "directMarketing": true, "dataCategories": ["CONTACT_NAME", "DELIVERY_ADDRESS"]}""")
                .when().put("/api/v1/purposes/{code}", code)
                .then().statusCode(201)
                .body("code", equalTo(code))
                .extract().path("version");
        String subject = newSubject();
        check(subject, code).body("allowed", equalTo(false)).body("reason", equalTo("NO_CONSENT"));
        decide(subject, code, "GRANTED").statusCode(201);
        check(subject, code).body("allowed", equalTo(true)).body("basis", equalTo("CONSENT"));

        String change = """
                {"channel": "POST", "lawfulBasis": "LEGITIMATE_INTEREST",
                 "description": "Printed catalogue twice a year", "directMarketing": true%s}""";
        as(Roles.PRIVACY_OFFICER).body(change.formatted(""))
                .when().put("/api/v1/purposes/{code}", code)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/purpose-exists"));
        as(Roles.PRIVACY_OFFICER).body(change.formatted(", \"expectedVersion\": " + version))
                .when().put("/api/v1/purposes/{code}", code)
                .then().statusCode(200)
                .body("lawfulBasis", equalTo("LEGITIMATE_INTEREST"))
                .body("version", equalTo(version + 1));

        check(newSubject(), code).body("allowed", equalTo(true)).body("basis", equalTo("LEGITIMATE_INTEREST"));
        // Only this purpose's entries: another test's purpose changes must not satisfy the assertion.
        as(Roles.AUDITOR).queryParam("limit", 1000).when().get("/api/v1/audit-log")
                .then().statusCode(200)
                .body("findAll { it.details.contains('\"" + code + "\"') }.action",
                        contains("consent.purpose.changed", "consent.purpose.added"));
    }

    @Test
    void termsPecrDoesNotAllowAreRefused() {
        as(Roles.PRIVACY_OFFICER).body("""
                        {"channel": "POST", "lawfulBasis": "CONSENT", "description": "Soft opt-in by post",
                         "softOptInAllowed": true}""")
                .when().put("/api/v1/purposes/{code}", "TEST_SOFT_POST")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/inconsistent-purpose"));
        as(Roles.PRIVACY_OFFICER).body("""
                        {"channel": "EMAIL", "lawfulBasis": "TELEPATHY", "description": "x"}""")
                .when().put("/api/v1/purposes/{code}", "TEST_BAD_BASIS")
                .then().statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/unreadable-body"));
        as(Roles.PRIVACY_OFFICER).when().get("/api/v1/purposes")
                .then().body("code", not(hasItem("TEST_SOFT_POST")));
    }
}
