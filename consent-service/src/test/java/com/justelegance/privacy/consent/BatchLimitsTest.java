package com.justelegance.privacy.consent;

import com.justelegance.privacy.consent.rest.ConsentCheckResource;
import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The batch endpoints a marketing send uses (consent checks, unsubscribe links, suppression screening) take up to
 * 10,000 entries: exactly the limit is answered in full, one more is a 400 naming the list, before any work.
 */
@QuarkusTest
class BatchLimitsTest {

    private static final int LIMIT = ConsentCheckResource.MAX_BATCH;

    @ParameterizedTest(name = "{0} subjects")
    @ValueSource(ints = {LIMIT, LIMIT + 1})
    void aConsentCheckBatchTakesUpToTheLimit(int size) {
        ValidatableResponse response = as(Roles.MARKETING)
                .body("{\"purpose\": \"EMAIL_MARKETING\", \"subjectIds\": [" + subjects(size) + "]}")
                .when().post("/api/v1/consent-checks")
                .then();
        if (size <= LIMIT) {
            response.statusCode(200).body("results", hasSize(size));
        } else {
            refusedNaming(response, "subjectIds");
        }
    }

    @ParameterizedTest(name = "{0} subjects")
    @ValueSource(ints = {LIMIT, LIMIT + 1})
    void anUnsubscribeLinkBatchTakesUpToTheLimit(int size) {
        ValidatableResponse response = as(Roles.MARKETING)
                .body("{\"purpose\": \"EMAIL_MARKETING\", \"subjectIds\": [" + subjects(size) + "]}")
                .when().post("/api/v1/unsubscribe-tokens")
                .then();
        if (size <= LIMIT) {
            response.statusCode(200).body("links", hasSize(size));
        } else {
            refusedNaming(response, "subjectIds");
        }
    }

    @ParameterizedTest(name = "{0} identifiers")
    @ValueSource(ints = {LIMIT, LIMIT + 1})
    void aScreeningTakesUpToTheLimit(int size) {
        String identifiers = IntStream.range(0, size)
                .mapToObj(n -> "{\"type\": \"EMAIL\", \"value\": \"batch-" + n + "@example.com\"}")
                .collect(Collectors.joining(","));
        ValidatableResponse response = as(Roles.MARKETING)
                .body("{\"identifiers\": [" + identifiers + "]}")
                .when().post("/api/v1/suppression-list/screening")
                .then();
        if (size <= LIMIT) {
            response.statusCode(200).body("screened", equalTo(size));
        } else {
            refusedNaming(response, "identifiers");
        }
    }

    private static void refusedNaming(ValidatableResponse response, String field) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/validation-failed"))
                .body("errors.field", contains(field));
    }

    private static String subjects(int size) {
        return IntStream.range(0, size).mapToObj(n -> "\"cust-batch-" + n + "\"").collect(Collectors.joining(","));
    }
}
