package com.justelegance.privacy.testing;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Reads a service's audit log through the kit's endpoint, as an auditor would. */
public final class AuditTrail {

    private AuditTrail() {
    }

    /**
     * How many of the newest thousand entries record {@code action}, about the subject when one is given, with
     * details that mention {@code mentioning} (an id, a code).
     */
    public static long entries(String action, String subjectId, String mentioning) {
        List<Map<String, String>> entries = given().header("Authorization", TestTokens.bearer("auditor"))
                .queryParam("limit", 1000)
                .queryParams(subjectId == null ? Map.of() : Map.of("subjectId", subjectId))
                .when().get("/api/v1/audit-log")
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
        return entries.stream()
                .filter(entry -> entry.get("action").equals(action) && entry.get("details").contains(mentioning))
                .count();
    }
}
