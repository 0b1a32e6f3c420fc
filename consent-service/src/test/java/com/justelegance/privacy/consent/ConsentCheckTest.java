package com.justelegance.privacy.consent;

import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.check;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Marketing asks whether it may contact a subject for a purpose, one at a time or for a whole send: a grant says
 * yes with its basis and date, a withdrawal says no at once, a legitimate-interest purpose says yes until the
 * person objects.
 */
@QuarkusTest
class ConsentCheckTest {

    @Test
    void withdrawThenCheckSaysNo() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        check(subject, "EMAIL_MARKETING").statusCode(200)
                .body("allowed", equalTo(true))
                .body("basis", equalTo("CONSENT"))
                .body("since", notNullValue());

        decide(subject, "EMAIL_MARKETING", "WITHDRAWN").statusCode(201);

        check(subject, "EMAIL_MARKETING").statusCode(200)
                .body("subjectId", equalTo(subject))
                .body("purpose", equalTo("EMAIL_MARKETING"))
                .body("allowed", equalTo(false))
                .body("reason", equalTo("WITHDRAWN"))
                .body("basis", nullValue());
    }

    @Test
    void aConsentPurposeNeverGrantedIsRefusedButAnOptOutPurposeIsAllowedUntilTheObjection() {
        String subject = newSubject();
        check(subject, "SMS_MARKETING").statusCode(200)
                .body("allowed", equalTo(false))
                .body("reason", equalTo("NO_CONSENT"));
        check(subject, "POST_MARKETING").statusCode(200)
                .body("allowed", equalTo(true))
                .body("basis", equalTo("LEGITIMATE_INTEREST"));

        decide(subject, "POST_MARKETING", "OBJECTED").statusCode(201);

        check(subject, "POST_MARKETING").statusCode(200)
                .body("allowed", equalTo(false))
                .body("reason", equalTo("OBJECTED"));
    }

    @Test
    void aBatchAnswersEachSubjectInTheOrderGiven() {
        String granted = newSubject();
        String withdrawn = newSubject();
        String unknown = newSubject();
        decide(granted, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        decide(withdrawn, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        decide(withdrawn, "EMAIL_MARKETING", "WITHDRAWN").statusCode(201);

        as(Roles.MARKETING).body(batch("EMAIL_MARKETING", List.of(withdrawn, granted, unknown)))
                .when().post("/api/v1/consent-checks")
                .then().statusCode(200)
                .body("purpose", equalTo("EMAIL_MARKETING"))
                .body("results.subjectId", contains(withdrawn, granted, unknown))
                .body("results.allowed", contains(false, true, false))
                .body("results.reason", contains("WITHDRAWN", null, "NO_CONSENT"));
    }

    @Test
    void aFullBatchOfTenThousandIsAnsweredAndOneMoreIsRefused() {
        String granted = newSubject();
        decide(granted, "SMS_MARKETING", "GRANTED").statusCode(201);
        List<String> subjects = new ArrayList<>(IntStream.range(0, 9_999).mapToObj(i -> newSubject()).toList());
        subjects.add(granted);

        as(Roles.MARKETING).body(batch("SMS_MARKETING", subjects))
                .when().post("/api/v1/consent-checks")
                .then().statusCode(200)
                .body("results", hasSize(10_000))
                .body("results[9999].subjectId", equalTo(granted))
                .body("results[9999].allowed", equalTo(true))
                .body("results.findAll { it.allowed }", hasSize(1));

        subjects.add(newSubject());
        as(Roles.MARKETING).body(batch("SMS_MARKETING", subjects))
                .when().post("/api/v1/consent-checks")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("subjectIds"));
    }

    @Test
    void anUnknownPurposeOrAMalformedSubjectIsABadRequest() {
        check(newSubject(), "TELEPATHY").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/unknown-purpose"));
        as(Roles.MARKETING).body(batch("TELEPATHY", List.of(newSubject())))
                .when().post("/api/v1/consent-checks")
                .then().statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/unknown-purpose"));
        as(Roles.MARKETING).body(batch("EMAIL_MARKETING", List.of(newSubject(), "jane@example.com")))
                .when().post("/api/v1/consent-checks")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("subjectIds"))
                .body("detail", not(containsString("jane")));
        check(newSubject(), null).statusCode(400).contentType("application/problem+json");
    }

    private static String batch(String purpose, List<String> subjects) {
        return "{\"purpose\": \"" + purpose + "\", \"subjectIds\": ["
                + subjects.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",")) + "]}";
    }
}
