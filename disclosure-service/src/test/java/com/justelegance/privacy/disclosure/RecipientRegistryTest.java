package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The registry starts with every recipient the privacy policy names. */
@QuarkusTest
class RecipientRegistryTest {

    @Test
    void thePolicysRecipientsAreRegistered() {
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/recipients")
                .then().statusCode(200)
                .body("code", hasItems("ROYAL_MAIL", "DPD", "PARCELFORCE", "WORLDPAY", "PAYPAL", "AMAZON", "EBAY",
                        "FACEBOOK", "INSTAGRAM", "PINTEREST", "HOOTSUITE", "GOOGLE_ANALYTICS", "CREDIT_REFERENCE",
                        "FRAUD_PREVENTION", "LAW_ENFORCEMENT"));
    }

    @Test
    void anUnknownRecipientIsNotFound() {
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/recipients/{code}", "ACME_DATA_BROKER")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/unknown-recipient"));
    }

    @Test
    void theStorefrontCannotReadTheRegistry() {
        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .when().get("/api/v1/recipients")
                .then().statusCode(403);
    }
}
