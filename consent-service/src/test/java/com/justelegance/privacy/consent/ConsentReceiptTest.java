package com.justelegance.privacy.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.kit.security.Roles;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Set;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.newEmail;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * Each decision has a consent receipt in the Kantara Consent Receipt v1.1 format, valid against its published
 * JSON Schema, naming the retailer as controller and the person only by the opaque subject id.
 */
@QuarkusTest
class ConsentReceiptTest {

    private static final String USER_AGENT = "Mozilla/5.0 (ReceiptTestBrowser 7.1)";

    @Test
    void everyDecisionHasAReceiptThatValidatesAgainstTheKantaraSchema() throws Exception {
        String subject = newSubject();
        String email = newEmail();
        decide(subject, """
                {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED"},
                             {"purpose": "SMS_MARKETING", "state": "DENIED"}],
                 "policyVersion": "2026-11", "source": "CHECKOUT", "method": "SAVE",
                 "softOptInOrderId": "ord-77",
                 "proof": {"ipAddress": "198.51.100.23", "userAgent": "%s"},
                 "contactIdentifiers": [{"type": "EMAIL", "value": "%s"}]}""".formatted(USER_AGENT, email))
                .statusCode(201);
        as(Roles.STOREFRONT).header("Sec-GPC", "1").body("""
                        {"choices": [{"purpose": "ANALYTICS_COOKIES", "state": "GRANTED"}],
                         "policyVersion": "2026-11", "source": "COOKIE_BANNER", "method": "ACCEPT"}""")
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then().statusCode(201);

        ValidatableResponse receipts = as(Roles.STOREFRONT)
                .when().get("/api/v1/subjects/{subject}/consent-receipts", subject)
                .then().statusCode(200)
                .body("", hasSize(3))
                .body("piiPrincipalId", contains(subject, subject, subject))
                .body("jurisdiction", contains("GB", "GB", "GB"))
                .body("[0].collectionMethod", equalTo("Checkout: choices saved"))
                .body("[0].policyUrl", equalTo("https://www.justelegance.com/privacy-policy/"))
                .body("[0].policyVersion", equalTo("2026-11"))
                .body("[0].piiControllers[0].piiController", equalTo("Just Elegance"))
                .body("[0].piiControllers[0].email", equalTo("jecustomerservices@justelegance.com"))
                .body("[0].services[0].purposes.purposeCategory.flatten()", contains("EMAIL_MARKETING", "SMS_MARKETING"))
                .body("[0].services[0].purposes.consentType", contains("IMPLICIT", "EXPLICIT"))
                .body("[1].services[0].purposes.consentType", contains("EXPLICIT"))
                .body("[2].collectionMethod", equalTo("Cookie banner: Global Privacy Control signal"));
        String body = receipts.extract().asString();

        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/kantara-consent-receipt-v1_1-schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        for (JsonNode receipt : new ObjectMapper().readTree(body)) {
            Set<ValidationMessage> errors = schema.validate(receipt);
            assertThat(errors.toString(), errors, empty());
        }
        assertThat(body, not(containsString(email)));
        assertThat(body, not(containsString("198.51.100")));
        assertThat(body, not(containsString("ReceiptTestBrowser")));
    }

    @Test
    void aPurposeSharedWithAThirdPartyNamesIt() {
        String subject = newSubject();
        decide(subject, "SOCIAL_MEDIA_AUDIENCES", "GRANTED").statusCode(201);

        as(Roles.PRIVACY_OFFICER).when().get("/api/v1/subjects/{subject}/consent-receipts", subject)
                .then().statusCode(200)
                .body("[0].services[0].purposes[0].thirdPartyDisclosure", equalTo(true))
                .body("[0].services[0].purposes[0].thirdPartyName", equalTo("Facebook, Instagram, Pinterest"))
                .body("[0].services[0].purposes[0].consentState", equalTo("GRANTED"));
    }
}
