package com.justelegance.privacy.dsr.cases;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.justelegance.privacy.dsr.DsrApi.officer;
import static com.justelegance.privacy.dsr.DsrApi.openCase;
import static com.justelegance.privacy.dsr.DsrApi.search;
import static com.justelegance.privacy.dsr.DsrApi.view;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * Finding a requester's cases, open and closed, by reference or by their e-mail address: the address is matched
 * through the keyed hash each case keeps, and never comes back in an answer, a problem or a log line.
 */
@QuarkusTest
class CaseSearchTest {

    @Test
    void anEmailAddressFindsEveryCaseOfThatRequesterOpenOrClosedAndNoOneElses() {
        String email = "search." + UUID.randomUUID() + "@example.com";
        String first = openCase("ACCESS", email, null);
        String second = openCase("ERASURE", email, null);
        officer(second, "withdrawal", "{}").statusCode(200);
        String someoneElse = openCase("ACCESS", "other." + UUID.randomUUID() + "@example.com", null);

        List<String> found = search(Roles.CUSTOMER_SERVICE, "{\"email\": \"" + email.toUpperCase(Locale.ROOT)
                + "\"}").statusCode(200)
                .body(not(containsString(email)))
                .extract().jsonPath().getList("id");

        assertThat(found, containsInAnyOrder(first, second));
        assertThat(found, not(contains(someoneElse)));
        search(Roles.AUDITOR, "{\"email\": \"" + email + "\"}").statusCode(200)
                .body("find { it.id == '" + second + "' }.status", equalTo("WITHDRAWN"))
                .body("find { it.id == '" + second + "' }.decidedBy", equalTo("test-privacy-officer"));
    }

    @Test
    void aReferenceFindsItsCaseExactlyAndBothGivenMustMatch() {
        String email = "search." + UUID.randomUUID() + "@example.com";
        String id = openCase("ACCESS", email, null);
        String reference = view(id).extract().path("reference");

        search(Roles.PRIVACY_OFFICER, "{\"reference\": \" " + reference.toLowerCase(Locale.ROOT) + "\"}")
                .statusCode(200).body("id", contains(id)).body("reference", contains(reference));
        search(Roles.PRIVACY_OFFICER, "{\"reference\": \"" + reference + "\", \"email\": \"" + email + "\"}")
                .statusCode(200).body("id", contains(id));
        search(Roles.PRIVACY_OFFICER, "{\"reference\": \"" + reference + "\", \"email\": \"not." + email + "\"}")
                .statusCode(200).body("$", hasSize(0));
        search(Roles.PRIVACY_OFFICER, "{\"reference\": \"DSR-1999-000001\"}").statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aSearchWithoutEitherOrWithAMalformedValueIsRefusedNamingTheFieldNeverQuotingIt() {
        search(Roles.CUSTOMER_SERVICE, "{}").statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("email"));
        search(Roles.CUSTOMER_SERVICE, "{\"email\": \" \", \"reference\": \"\"}").statusCode(400);
        String malformed = "not-an-address-" + UUID.randomUUID();
        search(Roles.CUSTOMER_SERVICE, "{\"email\": \"" + malformed + "\"}").statusCode(400)
                .body("errors.field", contains("email"))
                .body(not(containsString(malformed)));
        search(Roles.CUSTOMER_SERVICE, "{\"reference\": \"DSR-42\"}").statusCode(400)
                .body("errors.field", contains("reference"));
    }

    @Test
    void theAddressSearchedForReachesNoLog() {
        String email = "search.logs." + UUID.randomUUID() + "@example.com";
        openCase("ACCESS", email, null);
        try (LogCapture logs = LogCapture.start()) {
            search(Roles.CUSTOMER_SERVICE, "{\"email\": \"" + email + "\"}").statusCode(200).body("$", hasSize(1));
            search(Roles.CUSTOMER_SERVICE, "{\"email\": \"@" + email + "\"}").statusCode(400);
            assertThat(logs.lines(), everyItem(not(containsString(email))));
        }
    }
}
