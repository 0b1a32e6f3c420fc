package com.justelegance.privacy.consent;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The calls tests make to consent-service, as the storefront, marketing or the privacy officer would. */
final class ConsentApi {

    static final String POLICY = "2026-11";

    private ConsentApi() {
    }

    static String newSubject() {
        return "cust-" + UUID.randomUUID();
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    /** One choice, as the storefront records it from account settings. */
    static ValidatableResponse decide(String subject, String purpose, String state) {
        return decide(subject, """
                {"choices": [{"purpose": "%s", "state": "%s"}], "policyVersion": "%s",
                 "source": "ACCOUNT_SETTINGS", "method": "SAVE", "decidedAt": "2026-11-24T10:15:00Z"}
                """.formatted(purpose, state, POLICY));
    }

    /** A decision body as given, as the storefront. */
    static ValidatableResponse decide(String subject, String body) {
        return as(Roles.STOREFRONT).body(body)
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then();
    }

    /** One choice with the person's e-mail address, so an opt-out reaches the suppression list. */
    static ValidatableResponse decideWithEmail(String subject, String purpose, String state, String email) {
        return decide(subject, """
                {"choices": [{"purpose": "%s", "state": "%s"}], "policyVersion": "%s",
                 "source": "ACCOUNT_SETTINGS", "method": "SAVE",
                 "contactIdentifiers": [{"type": "EMAIL", "value": "%s"}]}
                """.formatted(purpose, state, POLICY, email));
    }

    static ValidatableResponse check(String subject, String purpose) {
        return as(Roles.MARKETING).queryParam("subjectId", subject).queryParam("purpose", purpose)
                .when().get("/api/v1/consent-checks")
                .then();
    }

    static ValidatableResponse current(String subject) {
        return as(Roles.PRIVACY_OFFICER).when().get("/api/v1/subjects/{subject}/consents", subject).then();
    }

    static ValidatableResponse history(String subject) {
        return as(Roles.PRIVACY_OFFICER).when().get("/api/v1/subjects/{subject}/consent-decisions", subject).then();
    }

    static ValidatableResponse export(String subject) {
        return as(Roles.DSR_SERVICE).when().get("/api/v1/subjects/{subject}/export", subject).then();
    }

    static ValidatableResponse screenEmail(String email) {
        return as(Roles.MARKETING).body("""
                        {"identifiers": [{"type": "EMAIL", "value": "%s"}]}""".formatted(email))
                .when().post("/api/v1/suppression-list/screening")
                .then();
    }

    /** A fresh e-mail address for one test; the domain is reserved for examples. */
    static String newEmail() {
        return "person." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
