package com.justelegance.privacy.consent;

import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.justelegance.privacy.consent.ConsentApi.POLICY;
import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.history;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * What a careless or hostile client sends is refused with a problem naming the field, never a 500, never echoing
 * the value, and nothing is half-written: control characters in free text, misspelt fields, broken JSON, absurd
 * URLs. The rules live in the kit; these tests hold consent-service's own fields to them.
 */
@QuarkusTest
class HostileInputTest {

    private static final String PROBLEMS = "https://privacy.justelegance.com/problems/";

    @Test
    void aNulInAPurposeDescriptionIsABadRequestNamingTheField() {
        as(Roles.PRIVACY_OFFICER).body("""
                        {"channel": "EMAIL", "lawfulBasis": "CONSENT", "description": "Weekly news\\u0000secret-words"}""")
                .when().put("/api/v1/purposes/{code}", "TEST_NUL_DESCRIPTION")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", contains("description"))
                .body("errors[0].message", equalTo("must not contain control characters"))
                .body(not(containsString("secret-words")));
        as(Roles.PRIVACY_OFFICER).when().get("/api/v1/purposes")
                .then().statusCode(200).body("code", not(hasItem("TEST_NUL_DESCRIPTION")));
    }

    @Test
    void aNulInAPolicyVersionUrlIsABadRequestNamingTheField() {
        as(Roles.PRIVACY_OFFICER).body("""
                        {"version": "2099-01", "effectiveFrom": "2099-01-01", "significant": false,
                         "wordingHash": "%s", "url": "https://shop.example/policy\\u0000"}""".formatted("a".repeat(64)))
                .when().post("/api/v1/policy-versions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("url"));
    }

    @Test
    void aMisspeltFieldIsRefusedNamingItAndNothingIsRecorded() {
        String subject = newSubject();
        decide(subject, """
                        {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED"}], "policyVersion": "%s",
                         "source": "ACCOUNT_SETTINGS", "method": "SAVE", "decidedAtt": "2026-11-24T10:15:00Z"}
                        """.formatted(POLICY))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unknown-field"))
                .body("errors.field", contains("decidedAtt"))
                .body("detail", containsString("decidedAtt"))
                .body(not(containsString("2026-11-24")));
        decide(subject, """
                        {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED", "sate": "DENIED"}],
                         "policyVersion": "%s", "source": "ACCOUNT_SETTINGS", "method": "SAVE"}
                        """.formatted(POLICY))
                .statusCode(400)
                .body("errors.field", contains("choices[0].sate"));
        history(subject).body("$", empty());
    }

    @Test
    void malformedJsonIsAProblemThatDoesNotQuoteTheBody() {
        decide(newSubject(), "{\"choices\": [ secret-words")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "malformed-json"))
                .body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("line 1"))
                .body(not(containsString("secret-words")));
    }

    @Test
    void aBodyOverTwoMebibytesIsA413ProblemAndNothingIsRecorded() {
        String subject = newSubject();
        // A decision whose one field is padded past the limit: refused before anything parses it.
        String body = """
                {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED"}], "policyVersion": "%s",
                 "source": "ACCOUNT_SETTINGS", "method": "SAVE", "proof": {"userAgent": "%s"}}"""
                .formatted(POLICY, "secret-words".repeat(200_000));
        decide(subject, body)
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "payload-too-large"))
                .body(not(containsString("secret-words")));
        history(subject).body("$", empty());
    }

    @Test
    void aTooLongUrlIsA414Problem() {
        as(Roles.MARKETING).queryParam("subjectId", "x".repeat(9000)).queryParam("purpose", "EMAIL_MARKETING")
                .when().get("/api/v1/consent-checks")
                .then().statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "uri-too-long"))
                .body("status", equalTo(414));
    }

    @Test
    void aControlCharacterInAPathParameterIsABadRequestNamingIt() {
        as(Roles.STOREFRONT).urlEncodingEnabled(false)
                .when().post("/api/v1/unsubscribe/abc%00def")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("token"));
    }
}
