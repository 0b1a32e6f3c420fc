package com.justelegance.privacy.dsr;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The calls staff make to dsr-service, as the tests make them. */
public final class DsrApi {

    private DsrApi() {
    }

    /** A fresh opaque subject id. */
    public static String newSubject() {
        return "sub-" + UUID.randomUUID();
    }

    /** A request body for a case from a requester with this e-mail address. */
    public static String newCase(String type, String email, String extra) {
        String typeField = type == null ? "" : "\"type\": \"" + type + "\", ";
        return "{" + typeField + "\"channel\": \"PHONE\", "
                + "\"requester\": {\"name\": \"Ann Example\", \"email\": \"" + email + "\", "
                + "\"message\": \"Please send me a copy of everything you hold about me.\"}"
                + (extra == null ? "" : ", " + extra) + "}";
    }

    public static ValidatableResponse open(String role, String body) {
        return given().header("Authorization", TestTokens.bearer(role))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/requests")
                .then();
    }

    /** Opens a case as customer service and returns its id. */
    public static String openCase(String type, String email, String extra) {
        return open(Roles.CUSTOMER_SERVICE, newCase(type, email, extra)).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse view(String caseId) {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/requests/{id}", caseId)
                .then();
    }

    /** A step on a case ({@code refusal}, {@code extension}, ...) by a role, with a JSON body or none. */
    public static ValidatableResponse step(String role, String caseId, String step, String body) {
        var request = given().header("Authorization", TestTokens.bearer(role));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/api/v1/requests/{id}/" + step, caseId).then();
    }

    public static ValidatableResponse officer(String caseId, String step, String body) {
        return step(Roles.PRIVACY_OFFICER, caseId, step, body);
    }

    public static ValidatableResponse queue(String query) {
        return given().header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .when().get("/api/v1/requests" + (query == null ? "" : "?" + query))
                .then();
    }

    /** A case search ({@code POST /api/v1/requests/search}) by a role with this JSON body. */
    public static ValidatableResponse search(String role, String body) {
        return given().header("Authorization", TestTokens.bearer(role))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/requests/search")
                .then();
    }
}
