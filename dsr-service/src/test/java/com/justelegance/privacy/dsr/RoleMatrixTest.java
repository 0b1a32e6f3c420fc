package com.justelegance.privacy.dsr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.dsr.certificate.CertificateFixtures;
import com.justelegance.privacy.dsr.certificate.ErasureCertificates;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.RoleMatrix.Call;
import com.justelegance.privacy.testing.RoleMatrix.Endpoint;
import com.justelegance.privacy.testing.RoleMatrixTests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Every endpoint against every caller (see RoleMatrix): the roles it names make a valid call and get its exact
 * success status, every other caller gets 403, and no token gets 401. Each step on a case acts on a fresh case. The
 * two erasure-certificate endpoints are open to anyone, token or not: whoever holds a certificate must be able to
 * check it. So is an access package's download: its link's token is the authority, and each call gets a fresh one.
 */
@QuarkusTest
class RoleMatrixTest extends RoleMatrixTests {

    private static final Set<String> STAFF = Set.of(Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER);
    private static final Set<String> READERS = Set.of(Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR);
    private static final Set<String> OFFICER = Set.of(Roles.PRIVACY_OFFICER);
    private static final Set<String> CENTRE = Set.of(Roles.PRIVACY_CENTRE);

    @Inject
    ErasureCertificates certificates;

    @Inject
    ObjectMapper mapper;

    RoleMatrixTest() {
        super(Roles.ALL, Roles.SERVICES);
    }

    @Override
    protected List<Endpoint> serviceEndpoints() {
        return List.of(
                Endpoint.of("GET /api/v1/deadlines", 200, READERS,
                        () -> Call.get("/api/v1/deadlines?receivedOn=2026-09-03")
                                .expecting(response -> response.body("dueOn", equalTo("2026-10-05")))),
                Endpoint.of("POST /api/v1/requests", 201, STAFF,
                        () -> Call.post("/api/v1/requests", DsrApi.newCase("ACCESS", email(), null))),
                Endpoint.of("GET /api/v1/requests", 200, READERS, () -> Call.get("/api/v1/requests?limit=5")),
                Endpoint.of("GET /api/v1/requests/{id}", 200, READERS,
                        () -> Call.get("/api/v1/requests/" + freshCase())),
                step("classification", STAFF, "{\"type\": \"ERASURE\"}"),
                step("assignment", STAFF, "{\"assignee\": \"agent-7\"}"),
                step("subject", STAFF, "{\"subjectId\": \"" + DsrApi.newSubject() + "\"}"),
                step("subject-resolution", STAFF, null),
                step("identity-request", OFFICER, null),
                step("identity-checks", OFFICER, "{\"method\": \"DOCUMENT\", \"outcome\": \"VERIFIED\"}"),
                Endpoint.of("POST /api/v1/requests/{id}/identity-code", 409, STAFF, () -> {
                    String id = freshCase();
                    DsrApi.officer(id, "identity-request", null).statusCode(200);
                    // A code nobody was sent: the call gets through to the check, which refuses it.
                    return Call.post("/api/v1/requests/" + id + "/identity-code", "{\"code\": \"000000\"}");
                }),
                step("clarification-request", STAFF, "{\"question\": \"Which account?\"}"),
                Endpoint.of("POST /api/v1/requests/{id}/clarification", 200, STAFF, () -> {
                    String id = freshCase();
                    DsrApi.step(Roles.CUSTOMER_SERVICE, id, "clarification-request", "{\"question\": \"Which?\"}")
                            .statusCode(200);
                    return Call.post("/api/v1/requests/" + id + "/clarification", "{\"answer\": \"This one\"}");
                }),
                step("extension", OFFICER, "{\"reason\": \"Complex\"}"),
                step("refusal", OFFICER, "{\"reason\": \"NO_DATA_HELD\", \"explanation\": \"Not a customer\"}"),
                step("withdrawal", STAFF, "{}"),
                step("comments", STAFF, "{\"text\": \"Called the customer back\"}"),
                step("completion", OFFICER, "{}"),
                Endpoint.of("POST /api/v1/requests/{id}/erasure", 200, OFFICER, () -> Call.post(
                        "/api/v1/requests/" + DsrApi.openCase("ERASURE", email(),
                                "\"subjectId\": \"" + DsrApi.newSubject() + "\"") + "/erasure", null)),
                Endpoint.of("GET /api/v1/requests/{id}/erasure", 200, READERS, () -> Call.get(
                        "/api/v1/requests/" + erasing() + "/erasure")),
                Endpoint.of("POST /api/v1/requests/{id}/rectification", 200, OFFICER, () -> Call.post(
                        "/api/v1/requests/" + rectificationCase() + "/rectification", RECTIFICATION)),
                Endpoint.of("GET /api/v1/requests/{id}/rectification", 200,
                        Set.of(Roles.STOREFRONT, Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER),
                        () -> Call.get("/api/v1/requests/" + rectified() + "/rectification")),
                Endpoint.of("POST /api/v1/requests/{id}/restriction", 200, OFFICER, () -> Call.post(
                        "/api/v1/requests/" + caseOf("RESTRICTION") + "/restriction", "{}")),
                Endpoint.of("GET /api/v1/restrictions", 200, READERS, () -> Call.get("/api/v1/restrictions?limit=5")),
                Endpoint.of("GET /api/v1/requests/{id}/restriction", 200, READERS, () -> Call.get(
                        "/api/v1/requests/" + restricted() + "/restriction")),
                Endpoint.of("POST /api/v1/requests/{id}/restriction/lift", 200, OFFICER, () -> {
                    String id = caseOf("RESTRICTION");
                    DsrApi.officer(id, "restriction", "{}").statusCode(200);
                    return Call.post("/api/v1/requests/" + id + "/restriction/lift", "{\"reason\": \"Resolved\"}");
                }),
                Endpoint.of("POST /api/v1/requests/{id}/marketing-objection", 200, OFFICER, () -> Call.post(
                        "/api/v1/requests/" + caseOf("OBJECTION") + "/marketing-objection", null)),
                Endpoint.of("POST /api/v1/requests/{id}/consent-withdrawal", 200, OFFICER, () -> Call.post(
                        "/api/v1/requests/" + caseOf("CONSENT_WITHDRAWAL") + "/consent-withdrawal", "{}")),
                Endpoint.of("GET /api/v1/requests/{id}/erasure/certificate", 200, READERS, () -> Call.get(
                        "/api/v1/requests/" + erased() + "/erasure/certificate")),
                Endpoint.of("POST /api/v1/requests/{id}/access-package", 200, OFFICER, () -> Call.post(
                        "/api/v1/requests/" + verifiedAccessCase() + "/access-package", null)),
                Endpoint.of("GET /api/v1/requests/{id}/access-package", 200, READERS, () -> Call.get(
                        "/api/v1/requests/" + prepared() + "/access-package")),
                Endpoint.of("GET /api/v1/requests/{id}/access-package/preview", 200, OFFICER, () -> Call.get(
                        "/api/v1/requests/" + prepared() + "/access-package/preview")),
                Endpoint.of("POST /api/v1/requests/{id}/access-package/release", 200, OFFICER, () -> Call.post(
                        "/api/v1/requests/" + preparedForReview() + "/access-package/release", null)),
                Endpoint.of("POST /api/v1/requests/search", 200, READERS, () -> Call.post("/api/v1/requests/search",
                        "{\"email\": \"" + email() + "\"}")),
                Endpoint.of("POST /api/v1/privacy-centre/requests", 201, CENTRE, () -> Call.post(
                        "/api/v1/privacy-centre/requests", "{\"type\": \"ACCESS\", \"email\": \"" + email()
                                + "\"}")),
                Endpoint.of("GET /api/v1/privacy-centre/requests/{id}", 200, CENTRE, () -> Call.get(
                        "/api/v1/privacy-centre/requests/" + centreCase())),
                Endpoint.of("POST /api/v1/privacy-centre/requests/{id}/identity-code", 409, CENTRE, () -> Call.post(
                        "/api/v1/privacy-centre/requests/" + centreCase() + "/identity-code",
                        "{\"code\": \"000000\"}")),
                Endpoint.of("POST /api/v1/privacy-centre/sign-in-codes", 202, CENTRE, () -> Call.post(
                        "/api/v1/privacy-centre/sign-in-codes", "{\"email\": \"" + email() + "\"}")),
                Endpoint.of("POST /api/v1/privacy-centre/sign-ins", 400, CENTRE, () -> Call.post(
                        "/api/v1/privacy-centre/sign-ins", "{\"email\": \"" + email()
                                + "\", \"code\": \"000000\"}")),
                Endpoint.open("GET /api/v1/access-packages/{token}", 200, () -> Call.get(
                        "/api/v1/access-packages/" + freshDownloadToken())
                        .expecting(response -> response.body("complete", equalTo(true)))),
                Endpoint.open("GET /api/v1/erasure-certificates/signing-keys", 200,
                        () -> Call.get("/api/v1/erasure-certificates/signing-keys")
                                .expecting(response -> response.body("keys[0].kid", notNullValue()))),
                Endpoint.open("POST /api/v1/erasure-certificates/verification", 200,
                        () -> Call.post("/api/v1/erasure-certificates/verification", signedCertificate())
                                .expecting(response -> response.body("valid", equalTo(true)))));
    }

    /** A fresh request made on the privacy centre, awaiting the code sent to the address given. */
    private static String centreCase() {
        return io.restassured.RestAssured.given()
                .header("Authorization", com.justelegance.privacy.testing.TestTokens.bearer(Roles.PRIVACY_CENTRE))
                .contentType(io.restassured.http.ContentType.JSON)
                .body("{\"type\": \"ACCESS\", \"email\": \"" + email() + "\"}")
                .post("/api/v1/privacy-centre/requests").then().statusCode(201).extract().path("id");
    }

    private static Endpoint step(String step, Set<String> allowed, String body) {
        return Endpoint.of("POST /api/v1/requests/{id}/" + step, 200, allowed,
                () -> Call.post("/api/v1/requests/" + freshCase() + "/" + step, body));
    }

    /** A fresh case of this type whose subject is known, ready to be carried out. */
    private static String caseOf(String type) {
        return DsrApi.openCase(type, email(), "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
    }

    private static String restrictedCase;

    /** One case whose restriction is in force, for reading it. */
    private static String restricted() {
        if (restrictedCase == null) {
            String id = caseOf("RESTRICTION");
            DsrApi.officer(id, "restriction", "{}").statusCode(200);
            restrictedCase = id;
        }
        return restrictedCase;
    }

    private static String erasingCase;

    /** One case whose erasure was requested, for the reads. */
    private static String erasing() {
        if (erasingCase == null) {
            String id = DsrApi.openCase("ERASURE", email(), "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
            DsrApi.officer(id, "erasure", null).statusCode(200);
            erasingCase = id;
        }
        return erasingCase;
    }

    private static final String RECTIFICATION = "{\"categories\": [\"PHONE\"], \"corrections\": \"07700 900321\"}";

    private static String rectifiedCase;

    private static String rectificationCase() {
        return DsrApi.openCase("RECTIFICATION", email(), "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
    }

    /** One case whose rectification was sent, for reading it. */
    private static String rectified() {
        if (rectifiedCase == null) {
            String id = rectificationCase();
            DsrApi.officer(id, "rectification", RECTIFICATION).statusCode(200);
            rectifiedCase = id;
        }
        return rectifiedCase;
    }

    private static String erasedCase;

    /** One case whose erasure completed, for reading its certificate. */
    private static String erased() {
        if (erasedCase == null) {
            String id = DsrApi.openCase("ERASURE", email(), "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
            DsrEvents.completeErasure(id);
            erasedCase = id;
        }
        return erasedCase;
    }

    private static String preparedCase;

    /** One case whose access package was prepared, for reading it. */
    private static String prepared() {
        if (preparedCase == null) {
            String id = verifiedAccessCase();
            DsrApi.officer(id, "access-package", null).statusCode(200);
            preparedCase = id;
        }
        return preparedCase;
    }

    /** A fresh case whose package waits for release: each release issues its one link. */
    private static String preparedForReview() {
        String id = verifiedAccessCase();
        DsrApi.officer(id, "access-package?release=false", null).statusCode(200);
        return id;
    }

    /** An access case about a fresh subject, the requester's identity verified: ready for its package. */
    private static String verifiedAccessCase() {
        String id = DsrApi.openCase("ACCESS", email(), "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
        DsrApi.officer(id, "identity-checks", "{\"method\": \"DOCUMENT\", \"outcome\": \"VERIFIED\"}")
                .statusCode(200);
        return id;
    }

    /** A fresh package's link token: each download counts against its link, so every call gets its own. */
    private static String freshDownloadToken() {
        String url = DsrApi.officer(verifiedAccessCase(), "access-package", null).statusCode(200)
                .extract().path("downloadUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String freshCase() {
        return DsrApi.openCase("ACCESS", email(), null);
    }

    private static String email() {
        return "matrix." + UUID.randomUUID() + "@example.com";
    }

    private String signedCertificate() {
        try {
            return mapper.writeValueAsString(certificates.sign(CertificateFixtures.certificate()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
