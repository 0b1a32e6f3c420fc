package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** RestAssured requests as a user holding one role. */
final class DisclosureApi {

    private DisclosureApi() {
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    /**
     * A recipient registration body. {@code address} is the API URL, e-mail address or portal URL for the channel,
     * or null for NONE.
     */
    static String recipient(String code, String category, String dataCategories, String channel, String address) {
        return """
                {"code": "%s", "displayName": "Test recipient %s", "category": "%s", "role": "PROCESSOR",
                 "dataCategories": [%s], "purpose": "Testing", "lawfulBasis": "LEGITIMATE_INTEREST",
                 "country": "GB", "transferSafeguard": "NOT_A_TRANSFER", "noticeChannel": "%s",
                 "noticeAddress": %s, "noticeResponseDays": 30}
                """.formatted(code, code, category, dataCategories, channel,
                address == null ? "null" : '"' + address + '"');
    }

    /** A recorded disclosure body. */
    static String disclosure(String recipient, String dataCategories, String basis, String reference,
                             boolean withhold, String note) {
        return """
                {"recipient": "%s", "dataCategories": [%s], "legalBasis": "%s", "reference": "%s",
                 "disclosedAt": "2026-11-20T09:00:00Z", "withholdFromSubject": %s, "note": %s}
                """.formatted(recipient, dataCategories, basis, reference, withhold,
                note == null ? "null" : '"' + note + '"');
    }
}
