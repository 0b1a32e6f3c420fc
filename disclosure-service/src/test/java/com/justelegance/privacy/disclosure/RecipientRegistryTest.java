package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.justelegance.privacy.disclosure.DisclosureEvents.newId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * The registry starts with every recipient the privacy policy names, with what the records of processing need
 * about each, and the privacy officer keeps it: registrations and changes are checked and audited.
 */
@QuarkusTest
class RecipientRegistryTest {

    @Test
    void thePolicysRecipientsAreRegistered() {
        DisclosureApi.as(Roles.AUDITOR)
                .when().get("/api/v1/recipients")
                .then().statusCode(200)
                .body("code", hasItems("ROYAL_MAIL", "DPD", "PARCELFORCE", "WORLDPAY", "PAYPAL", "AMAZON", "EBAY",
                        "FACEBOOK", "INSTAGRAM", "PINTEREST", "HOOTSUITE", "GOOGLE_ANALYTICS", "CREDIT_REFERENCE",
                        "FRAUD_PREVENTION", "LAW_ENFORCEMENT"));
    }

    @Test
    void eachRecipientSaysWhatItGetsWhyWhereAndHowItIsTold() {
        DisclosureApi.as(Roles.CUSTOMER_SERVICE)
                .when().get("/api/v1/recipients/{code}", "GOOGLE_ANALYTICS")
                .then().statusCode(200)
                .body("category", equalTo("ANALYTICS"))
                .body("role", equalTo("PROCESSOR"))
                .body("dataCategories", contains("IP_ADDRESS", "DEVICE_INFO", "BROWSING_HISTORY", "LOCATION",
                        "COOKIE_IDENTIFIERS"))
                .body("lawfulBasis", equalTo("CONSENT"))
                .body("consentPurpose", equalTo("ANALYTICS_COOKIES"))
                .body("country", equalTo("US"))
                .body("transferSafeguard", equalTo("UK_EXTENSION_TO_EU_US_DPF"))
                .body("privacyPolicyUrl", equalTo("https://policies.google.com/privacy"))
                .body("noticeChannel", equalTo("PORTAL"))
                .body("noticeResponseDays", equalTo(30));
    }

    @Test
    void anUnknownRecipientIsNotFound() {
        DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .when().get("/api/v1/recipients/{code}", "ACME_DATA_BROKER")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/unknown-recipient"));
    }

    @Test
    void thePrivacyOfficerRegistersAndChangesARecipientAndBothAreAudited() {
        String code = "TEST_" + newId("C").replace("-", "_").toUpperCase().substring(0, 20);
        DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body(DisclosureApi.recipient(code, "COURIER", "\"CONTACT_NAME\", \"DELIVERY_ADDRESS\"", "EMAIL",
                        "privacy@courier.example"))
                .when().post("/api/v1/recipients")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/recipients/" + code))
                .body("noticeChannel", equalTo("EMAIL"));

        DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body(DisclosureApi.recipient(code, "COURIER", "\"CONTACT_NAME\"", "API", "https://courier.example/notices"))
                .when().put("/api/v1/recipients/{code}", code)
                .then().statusCode(200)
                .body("dataCategories", contains("CONTACT_NAME"))
                .body("noticeChannel", equalTo("API"));

        DisclosureApi.as(Roles.AUDITOR)
                .when().get("/api/v1/audit-log?limit=1000")
                .then().statusCode(200)
                .body("findAll { it.details.contains('\"" + code + "\"') }.action",
                        contains("disclosure.recipient.updated", "disclosure.recipient.registered"));
    }

    @Test
    void anIncoherentOrDuplicateRegistrationIsRefusedWithAProblem() {
        String transferWithoutSafeguard = DisclosureApi.recipient("TEST_US_BROKER", "ANALYTICS", "\"IP_ADDRESS\"", "NONE", null)
                .replace("\"country\": \"GB\"", "\"country\": \"US\"");
        DisclosureApi.as(Roles.PRIVACY_OFFICER).body(transferWithoutSafeguard)
                .when().post("/api/v1/recipients")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/invalid-recipient"))
                .body("detail", containsString("transferSafeguard"));

        DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body(DisclosureApi.recipient("DPD", "COURIER", "\"CONTACT_NAME\"", "NONE", null))
                .when().post("/api/v1/recipients")
                .then().statusCode(409)
                .body("type", equalTo("https://privacy.justelegance.com/problems/recipient-exists"));

        DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body(DisclosureApi.recipient("NOBODY", "COURIER", "\"CONTACT_NAME\"", "NONE", null))
                .when().put("/api/v1/recipients/{code}", "NOBODY")
                .then().statusCode(404);

        DisclosureApi.as(Roles.PRIVACY_OFFICER)
                .body("{\"code\": \"TEST_EMPTY\", \"dataCategories\": []}")
                .when().post("/api/v1/recipients")
                .then().statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/validation-failed"))
                .body("errors.field", hasItems("dataCategories", "lawfulBasis", "noticeChannel"));
    }
}
