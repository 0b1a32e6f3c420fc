package com.justelegance.privacy.consent;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.RoleMatrix;
import com.justelegance.privacy.testing.RoleMatrix.Endpoint;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Every endpoint against every role, people's and services' (see RoleMatrix): the roles it names get through, every
 * other role gets 403, and no token gets 401. Only the unsubscribe redemption is open to anyone.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final List<String> ROLES = Stream.concat(Roles.ALL.stream(), Roles.SERVICES.stream())
            .toList();
    private static final Set<String> EVERY_PERSON_ROLE = Set.copyOf(Roles.ALL);

    static Stream<Endpoint> endpoints() {
        String subject = "matrix-" + UUID.randomUUID();
        String purposeBody = """
                {"channel": "EMAIL", "lawfulBasis": "CONSENT", "description": "Role matrix test purpose",
                 "directMarketing": false, "dataCategories": ["EMAIL"]}""";
        String versionBody = """
                {"version": "matrix-%s", "effectiveFrom": "2026-11-02", "significant": false,
                 "wordingHash": "%s", "url": "https://www.justelegance.com/privacy-policy/"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), "0".repeat(64));
        String decisionBody = """
                {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED"}], "policyVersion": "2026-11",
                 "source": "%s", "method": "SAVE"}""";
        String batchBody = "{\"purpose\": \"EMAIL_MARKETING\", \"subjectIds\": [\"" + subject + "\"]}";
        String identifiersBody = "{\"identifiers\": [{\"type\": \"EMAIL\", \"value\": \"matrix@example.com\"}]";
        return Stream.of(
                new Endpoint("GET", "/api/v1/purposes", null, EVERY_PERSON_ROLE),
                new Endpoint("PUT", "/api/v1/purposes/MATRIX_TEST_PURPOSE", purposeBody,
                        Set.of(Roles.PRIVACY_OFFICER)),
                new Endpoint("GET", "/api/v1/policy-versions", null, EVERY_PERSON_ROLE),
                new Endpoint("POST", "/api/v1/policy-versions", versionBody, Set.of(Roles.PRIVACY_OFFICER)),
                new Endpoint("GET", "/api/v1/policy-versions/stale-consents", null,
                        Set.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR)),
                // Each recording role through the source it stands for (ConsentSourceRolesTest has every pairing).
                new Endpoint("POST", "/api/v1/subjects/" + subject + "/consent-decisions",
                        decisionBody.formatted("ACCOUNT_SETTINGS"), Set.of(Roles.STOREFRONT)),
                new Endpoint("POST", "/api/v1/subjects/" + subject + "/consent-decisions",
                        decisionBody.formatted("CUSTOMER_SERVICE"), Set.of(Roles.CUSTOMER_SERVICE)),
                new Endpoint("POST", "/api/v1/subjects/" + subject + "/consent-decisions",
                        decisionBody.formatted("DATA_SUBJECT_REQUEST"), Set.of(Roles.PRIVACY_OFFICER)),
                new Endpoint("GET", "/api/v1/subjects/" + subject + "/consents", null, EVERY_PERSON_ROLE),
                new Endpoint("GET", "/api/v1/subjects/" + subject + "/consent-decisions", null,
                        Set.of(Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR)),
                new Endpoint("GET", "/api/v1/subjects/" + subject + "/consent-receipts", null,
                        Set.of(Roles.STOREFRONT, Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR,
                                Roles.DSR_SERVICE)),
                new Endpoint("GET", "/api/v1/subjects/" + subject + "/export", null,
                        Set.of(Roles.PRIVACY_OFFICER, Roles.DSR_SERVICE)),
                new Endpoint("GET", "/api/v1/consent-checks?purpose=EMAIL_MARKETING&subjectId=" + subject, null,
                        Set.of(Roles.STOREFRONT, Roles.MARKETING)),
                new Endpoint("POST", "/api/v1/consent-checks", batchBody, Set.of(Roles.STOREFRONT, Roles.MARKETING)),
                new Endpoint("POST", "/api/v1/unsubscribe-tokens", batchBody, Set.of(Roles.MARKETING)),
                Endpoint.open("POST", "/api/v1/unsubscribe/not-a-real-token"),
                Endpoint.open("GET", "/api/v1/unsubscribe/not-a-real-token"),
                new Endpoint("POST", "/api/v1/suppression-list/screening", identifiersBody + "}",
                        Set.of(Roles.MARKETING, Roles.PRIVACY_OFFICER)),
                new Endpoint("POST", "/api/v1/suppression-list/entries",
                        identifiersBody + ", \"channels\": [\"EMAIL\"]}", Set.of(Roles.PRIVACY_OFFICER)),
                new Endpoint("GET", "/api/v1/audit-log", null, Set.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR)),
                new Endpoint("GET", "/api/v1/audit-log/verification", null,
                        Set.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR)));
    }

    static Stream<Arguments> everyEndpointAndRole() {
        return RoleMatrix.everyRole(endpoints().toList(), ROLES);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndRole")
    void onlyTheNamedRolesGetThrough(Endpoint endpoint, String role) {
        RoleMatrix.assertRoleAnswered(endpoint, role);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenOnlyTheOpenEndpointAnswers(Endpoint endpoint) {
        RoleMatrix.assertAnonymousAnswered(endpoint);
    }
}
