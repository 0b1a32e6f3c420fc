package com.justelegance.privacy.consent;

import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.check;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Where a decision came from is part of its proof, so a caller may only claim the sources its role stands for:
 * the storefront records what the person did on the site, customer service what it took on the phone, the privacy
 * officer what came in as a data-subject request, the privacy centre what a signed-in shopper chose there, and
 * nobody claims an unsubscribe link (the service records
 * those itself when a link is redeemed).
 */
@QuarkusTest
class ConsentSourceRolesTest {

    /** The expectation, written out independently of the service's own table. */
    private static final Map<ConsentSource, Set<String>> MAY_CLAIM = Map.of(
            ConsentSource.CHECKOUT, Set.of(Roles.STOREFRONT),
            ConsentSource.REGISTRATION, Set.of(Roles.STOREFRONT),
            ConsentSource.ACCOUNT_SETTINGS, Set.of(Roles.STOREFRONT),
            ConsentSource.COOKIE_BANNER, Set.of(Roles.STOREFRONT),
            ConsentSource.CUSTOMER_SERVICE, Set.of(Roles.CUSTOMER_SERVICE),
            ConsentSource.DATA_SUBJECT_REQUEST, Set.of(Roles.PRIVACY_OFFICER, Roles.DSR_SERVICE),
            ConsentSource.PRIVACY_CENTRE, Set.of(Roles.PRIVACY_CENTRE),
            ConsentSource.UNSUBSCRIBE_LINK, Set.of());

    private static final List<String> RECORDING_ROLES = List.of(Roles.STOREFRONT, Roles.CUSTOMER_SERVICE,
            Roles.PRIVACY_OFFICER, Roles.PRIVACY_CENTRE);

    static Stream<Arguments> forbidden() {
        return combinations().filter(a -> !MAY_CLAIM.get((ConsentSource) a.get()[1]).contains((String) a.get()[0]));
    }

    static Stream<Arguments> allowed() {
        return combinations().filter(a -> MAY_CLAIM.get((ConsentSource) a.get()[1]).contains((String) a.get()[0]));
    }

    private static Stream<Arguments> combinations() {
        return RECORDING_ROLES.stream().flatMap(role -> Arrays.stream(ConsentSource.values())
                .map(source -> Arguments.of(role, source)));
    }

    @ParameterizedTest(name = "{0} may not claim {1}")
    @MethodSource("forbidden")
    void aSourceTheRoleDoesNotStandForIsRefusedAndRecordsNothing(String role, ConsentSource source) {
        String subject = newSubject();
        as(role).body(decision(source))
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/source-not-allowed"))
                .body("errors.field", contains("source"))
                .body("detail", containsString("source"))
                .body("detail", not(containsString(subject)));

        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(false)).body("reason", equalTo("NO_CONSENT"));
    }

    @ParameterizedTest(name = "{0} may claim {1}")
    @MethodSource("allowed")
    void aSourceTheRoleStandsForIsRecorded(String role, ConsentSource source) {
        String subject = newSubject();
        as(role).body(decision(source))
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then().statusCode(201)
                .body("changedPurposes", contains("EMAIL_MARKETING"));

        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(true));
    }

    private static String decision(ConsentSource source) {
        return """
                {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED"}], "policyVersion": "%s",
                 "source": "%s", "method": "ACCEPT"}""".formatted(ConsentApi.POLICY, source);
    }
}
