package com.justelegance.privacy.consent;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.RoleMatrix.Call;
import com.justelegance.privacy.testing.RoleMatrix.Endpoint;
import com.justelegance.privacy.testing.RoleMatrix;
import com.justelegance.privacy.testing.RoleMatrixTests;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * Every endpoint against every caller (see RoleMatrix): the roles it names make a valid call and get its exact
 * success status, every other caller gets 403 and changes nothing, and no token gets 401. Only the unsubscribe
 * redemption is open to anyone. Calls that change data work on a fresh subject, purpose code, policy version or
 * e-mail address, so no other test reads what they leave; the policy version registered is dated 2000, so it is
 * never the one in force, the newest or the latest significant one.
 */
@QuarkusTest
class RoleMatrixTest extends RoleMatrixTests {

    RoleMatrixTest() {
        super(Roles.ALL, Roles.SERVICES);
    }

    private static final Set<String> PEOPLE = Set.copyOf(Roles.ALL);
    /** People and the privacy centre, which shows a signed-in shopper the catalogue and their own choices. */
    private static final Set<String> PEOPLE_AND_CENTRE = java.util.stream.Stream.concat(Roles.ALL.stream(),
            java.util.stream.Stream.of(Roles.PRIVACY_CENTRE)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> OFFICER = Set.of(Roles.PRIVACY_OFFICER);
    private static final Set<String> OFFICER_AND_AUDITOR = Set.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR);
    private static final Set<String> CHECKERS = Set.of(Roles.STOREFRONT, Roles.MARKETING);
    /** Who carries out data-subject requests here: dsr-service, and the privacy officer by hand. */
    private static final Set<String> REQUEST_HANDLERS = Set.of(Roles.DSR_SERVICE, Roles.PRIVACY_OFFICER);
    private static final String DECISION = """
            {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED"}], "policyVersion": "2026-11",
             "source": "ACCOUNT_SETTINGS", "method": "SAVE"}""";

    @Override
    protected List<Endpoint> serviceEndpoints() {
        return List.of(
                Endpoint.of("GET /api/v1/purposes", 200, PEOPLE_AND_CENTRE, () -> Call.get("/api/v1/purposes")),
                Endpoint.of("PUT /api/v1/purposes/{code}", 201, OFFICER, RoleMatrixTest::addPurpose),
                Endpoint.of("GET /api/v1/policy-versions", 200, PEOPLE, () -> Call.get("/api/v1/policy-versions")),
                Endpoint.of("POST /api/v1/policy-versions", 201, OFFICER, RoleMatrixTest::registerVersion),
                Endpoint.of("GET /api/v1/policy-versions/stale-consents", 200, OFFICER_AND_AUDITOR,
                        () -> Call.get("/api/v1/policy-versions/stale-consents")),
                Endpoint.byCaller("POST /api/v1/subjects/{id}/consent-decisions", 201,
                        Set.of(Roles.STOREFRONT, Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER,
                                Roles.PRIVACY_CENTRE),
                        RoleMatrixTest::recordDecision),
                Endpoint.of("GET /api/v1/subjects/{id}/consents", 200, PEOPLE_AND_CENTRE,
                        () -> Call.get(subjectPath(decidedSubject(), "consents"))),
                Endpoint.of("GET /api/v1/subjects/{id}/consent-decisions", 200,
                        Set.of(Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR),
                        () -> Call.get(subjectPath(decidedSubject(), "consent-decisions"))),
                Endpoint.of("GET /api/v1/subjects/{id}/consent-receipts", 200,
                        Set.of(Roles.STOREFRONT, Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR,
                                Roles.DSR_SERVICE),
                        () -> Call.get(subjectPath(decidedSubject(), "consent-receipts"))),
                Endpoint.of("GET /api/v1/subjects/{id}/export", 200, Set.of(Roles.PRIVACY_OFFICER, Roles.DSR_SERVICE),
                        () -> Call.get(subjectPath(decidedSubject(), "export"))),
                Endpoint.of("GET /api/v1/consent-checks", 200, CHECKERS, () -> Call.get(
                        "/api/v1/consent-checks?purpose=EMAIL_MARKETING&subjectId=" + decidedSubject())),
                Endpoint.of("POST /api/v1/consent-checks", 200, CHECKERS,
                        () -> Call.post("/api/v1/consent-checks", batch(decidedSubject()))),
                Endpoint.of("POST /api/v1/unsubscribe-tokens", 200, Set.of(Roles.MARKETING),
                        () -> Call.post("/api/v1/unsubscribe-tokens", batch(newSubject()))),
                Endpoint.open("POST /api/v1/unsubscribe/{token}", 200, RoleMatrixTest::redeemUnsubscribeLink),
                Endpoint.open("GET /api/v1/unsubscribe/{token}", 200, RoleMatrixTest::openUnsubscribePage),
                Endpoint.of("POST /api/v1/suppression-list/screening", 200, Set.of(Roles.MARKETING,
                        Roles.PRIVACY_OFFICER), () -> Call.post("/api/v1/suppression-list/screening",
                        identifiers(newEmail()) + "}")),
                Endpoint.of("POST /api/v1/suppression-list/entries", 204, OFFICER, RoleMatrixTest::suppress),
                Endpoint.of("POST /api/v1/subjects/{id}/marketing-objection", 200, REQUEST_HANDLERS,
                        RoleMatrixTest::objectToMarketing),
                Endpoint.of("POST /api/v1/subjects/{id}/consent-withdrawal", 200, REQUEST_HANDLERS,
                        RoleMatrixTest::withdrawConsent));
    }

    private static Call addPurpose() {
        String code = "MATRIX_" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        return Call.put("/api/v1/purposes/" + code, """
                        {"channel": "EMAIL", "lawfulBasis": "CONSENT", "description": "Role matrix test purpose",
                         "directMarketing": false, "dataCategories": ["EMAIL"]}""")
                .expecting(response -> purposes().body("code", hasItem(code)))
                .whenRefused(() -> purposes().body("code", not(hasItem(code))));
    }

    private static Call registerVersion() {
        String version = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        return Call.post("/api/v1/policy-versions", """
                        {"version": "%s", "effectiveFrom": "2000-01-01", "significant": false, "wordingHash": "%s",
                         "url": "https://www.justelegance.com/privacy-policy/"}""".formatted(version, "0".repeat(64)))
                .expecting(response -> versions().body("version", hasItem(version)))
                .whenRefused(() -> versions().body("version", not(hasItem(version))));
    }

    /** A decision claiming the source the caller's role stands for (ConsentSourceRolesTest has every pairing). */
    private static Call recordDecision(String caller) {
        String subject = newSubject();
        String source = switch (caller) {
            case Roles.CUSTOMER_SERVICE -> "CUSTOMER_SERVICE";
            case Roles.PRIVACY_OFFICER -> "DATA_SUBJECT_REQUEST";
            case Roles.PRIVACY_CENTRE -> "PRIVACY_CENTRE";
            default -> "ACCOUNT_SETTINGS";
        };
        return Call.post(subjectPath(subject, "consent-decisions"),
                        DECISION.replace("\"ACCOUNT_SETTINGS\"", "\"" + source + "\""))
                .expecting(response -> consents(subject).body("purpose", contains("EMAIL_MARKETING"))
                        .body("state", contains("GRANTED")))
                .whenRefused(() -> consents(subject).body("$", empty()));
    }

    private static Call objectToMarketing() {
        String subject = decidedSubject();
        return Call.post(subjectPath(subject, "marketing-objection"), "{\"requestId\": \"" + newSubject() + "\"}")
                .expecting(response -> {
                    response.body("purposesChanged", hasItem("EMAIL_MARKETING"));
                    consents(subject).body("find { it.purpose == 'EMAIL_MARKETING' }.state", equalTo("OBJECTED"));
                })
                .whenRefused(() -> consents(subject).body("state", contains("GRANTED")));
    }

    private static Call withdrawConsent() {
        String subject = decidedSubject();
        return Call.post(subjectPath(subject, "consent-withdrawal"), "{\"requestId\": \"" + newSubject() + "\"}")
                .expecting(response -> {
                    response.body("purposesChanged", contains("EMAIL_MARKETING"));
                    consents(subject).body("state", contains("WITHDRAWN"));
                })
                .whenRefused(() -> consents(subject).body("state", contains("GRANTED")));
    }

    private static Call redeemUnsubscribeLink() {
        String subject = decidedSubject();
        String token = as(Roles.MARKETING).body(batch(subject))
                .when().post("/api/v1/unsubscribe-tokens")
                .then().statusCode(200)
                .extract().path("links[0].token");
        return Call.post("/api/v1/unsubscribe/" + token, null)
                .expecting(response -> {
                    response.body("outcome", equalTo("UNSUBSCRIBED"));
                    consents(subject).body("state", contains("WITHDRAWN"));
                });
    }

    /** Opening a link in a browser shows the confirmation page and changes nothing (mail scanners open links). */
    private static Call openUnsubscribePage() {
        String subject = decidedSubject();
        String token = as(Roles.MARKETING).body(batch(subject))
                .when().post("/api/v1/unsubscribe-tokens")
                .then().statusCode(200)
                .extract().path("links[0].token");
        return Call.get("/api/v1/unsubscribe/" + token)
                .expecting(response -> {
                    response.contentType(containsString("text/html"));
                    consents(subject).body("state", contains("GRANTED"));
                });
    }

    private static Call suppress() {
        String email = newEmail();
        return Call.post("/api/v1/suppression-list/entries", identifiers(email) + ", \"channels\": [\"EMAIL\"]}")
                .expecting(response -> screen(email).body("suppressed", hasSize(1)))
                .whenRefused(() -> screen(email).body("suppressed", empty()));
    }

    /** A fresh subject who has granted EMAIL_MARKETING, so the reads below have something to show. */
    private static String decidedSubject() {
        String subject = newSubject();
        as(Roles.STOREFRONT).body(DECISION)
                .when().post(subjectPath(subject, "consent-decisions"))
                .then().statusCode(201);
        return subject;
    }

    private static ValidatableResponse purposes() {
        return as(Roles.AUDITOR).when().get("/api/v1/purposes").then().statusCode(200);
    }

    private static ValidatableResponse versions() {
        return as(Roles.AUDITOR).when().get("/api/v1/policy-versions").then().statusCode(200);
    }

    private static ValidatableResponse consents(String subject) {
        return as(Roles.AUDITOR).when().get(subjectPath(subject, "consents")).then().statusCode(200);
    }

    private static ValidatableResponse screen(String email) {
        return as(Roles.MARKETING).body(identifiers(email) + "}")
                .when().post("/api/v1/suppression-list/screening")
                .then().statusCode(200);
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    private static String subjectPath(String subject, String what) {
        return "/api/v1/subjects/" + subject + "/" + what;
    }

    private static String batch(String subject) {
        return "{\"purpose\": \"EMAIL_MARKETING\", \"subjectIds\": [\"" + subject + "\"]}";
    }

    /** The start of a body naming one e-mail address, left open for more fields. */
    private static String identifiers(String email) {
        return "{\"identifiers\": [{\"type\": \"EMAIL\", \"value\": \"" + email + "\"}]";
    }

    private static String newSubject() {
        return "matrix-" + UUID.randomUUID();
    }

    private static String newEmail() {
        return "matrix-" + UUID.randomUUID() + "@example.com";
    }
}
