package com.justelegance.privacy.consent;

import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The privacy officer registers policy versions; every consent refers to the version it was given under, and
 * after a significant change the report lists the people whose current consents predate it.
 */
@QuarkusTest
class PolicyVersionTest {

    private static final String SEEDED_POLICY_HASH =
            "ac1231e8d4a6dbe3090ec6d8805b9961d51a6d5df3212f121c810ad9b6c1ee1c";

    @Test
    void theCurrentPolicyIsRegisteredWithTheHashOfItsWording() {
        as(Roles.CUSTOMER_SERVICE).when().get("/api/v1/policy-versions")
                .then().statusCode(200)
                .body("find { it.version == '2026-11' }.wordingHash", equalTo(SEEDED_POLICY_HASH));
    }

    @Test
    void anOldConsentIsReportedAfterASignificantPolicyChange() {
        String before = newSubject();
        String withdrawnBefore = newSubject();
        decide(before, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        decide(withdrawnBefore, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        decide(withdrawnBefore, "EMAIL_MARKETING", "WITHDRAWN").statusCode(201);

        String significant = register(true);
        String after = newSubject();
        decide(after, """
                {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED"}], "policyVersion": "%s",
                 "source": "ACCOUNT_SETTINGS", "method": "ACCEPT"}""".formatted(significant)).statusCode(201);
        register(false);

        Map<String, List<Map<String, Object>>> reported = staleConsents(significant);
        assertThat(reported.keySet(), hasItem(before));
        assertThat(reported.get(before).getFirst().get("policyVersion"), equalTo("2026-11"));
        assertThat(reported.get(before).getFirst().get("purpose"), equalTo("EMAIL_MARKETING"));
        assertThat(reported.keySet(), not(hasItem(after)));
        assertThat(reported.keySet(), not(hasItem(withdrawnBefore)));
    }

    @Test
    void aVersionIsRegisteredOnceAndADecisionMustReferToARegisteredOne() {
        String version = register(false);
        as(Roles.PRIVACY_OFFICER).body(versionBody(version, false))
                .when().post("/api/v1/policy-versions")
                .then().statusCode(409)
                .body("type", equalTo("https://privacy.justelegance.com/problems/policy-version-exists"));
        as(Roles.PRIVACY_OFFICER).body(versionBody("bad-hash", false).replace("\"0", "\"Z"))
                .when().post("/api/v1/policy-versions")
                .then().statusCode(400)
                .body("errors.field", hasItem("wordingHash"));

        decide(newSubject(), """
                {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED"}], "policyVersion": "never-published",
                 "source": "ACCOUNT_SETTINGS", "method": "ACCEPT"}""")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/unknown-policy-version"));
    }

    /** Every page of the report, by subject, after checking it is about the expected version. */
    private static Map<String, List<Map<String, Object>>> staleConsents(String expectedVersion) {
        Map<String, List<Map<String, Object>>> bySubject = new HashMap<>();
        String after = null;
        do {
            var request = as(Roles.AUDITOR).queryParam("limit", 1000);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            JsonPath page = request.when().get("/api/v1/policy-versions/stale-consents")
                    .then().statusCode(200)
                    .body("latestSignificantVersion.version", equalTo(expectedVersion))
                    .extract().jsonPath();
            List<Map<String, Object>> subjects = page.getList("subjects");
            for (Map<String, Object> subject : subjects) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> consents = (List<Map<String, Object>>) subject.get("consents");
                bySubject.put((String) subject.get("subjectId"), new ArrayList<>(consents));
            }
            after = page.getString("nextAfter");
        } while (after != null);
        return bySubject;
    }

    private static String register(boolean significant) {
        String version = "t-" + UUID.randomUUID().toString().substring(0, 8);
        as(Roles.PRIVACY_OFFICER).body(versionBody(version, significant))
                .when().post("/api/v1/policy-versions")
                .then().statusCode(201)
                .body("version", equalTo(version))
                .body("significant", equalTo(significant));
        return version;
    }

    private static String versionBody(String version, boolean significant) {
        return """
                {"version": "%s", "effectiveFrom": "%s", "significant": %s, "wordingHash": "%s",
                 "url": "https://www.justelegance.com/privacy-policy/"}"""
                .formatted(version, LocalDate.now(ZoneOffset.UTC), significant, "0".repeat(63) + "1");
    }
}
