package com.justelegance.privacy.disclosure;

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
 * Every endpoint against every role (DESIGN.md section 6): the roles it names are let through, every other role
 * gets 403, and a call without a token gets 401. Bodies are empty on purpose: a let-through call may then fail
 * validation, which still shows the role was not refused, and nothing is changed.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final String SUBJECT = "cust-role-matrix";
    private static final String NOTICE = UUID.randomUUID().toString();

    static List<Endpoint> endpoints() {
        Set<String> registryReaders = Set.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.CUSTOMER_SERVICE);
        Set<String> officerAndAuditor = Set.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR);
        Set<String> officer = Set.of(Roles.PRIVACY_OFFICER);
        return List.of(
                new Endpoint("GET", "/api/v1/recipients", registryReaders),
                new Endpoint("GET", "/api/v1/recipients/DPD", registryReaders),
                new Endpoint("POST", "/api/v1/recipients", "{}", officer),
                new Endpoint("PUT", "/api/v1/recipients/DPD", "{}", officer),
                new Endpoint("GET", "/api/v1/recipients/DPD/disclosures?from=2026-11-01&to=2026-11-30",
                        officerAndAuditor),
                new Endpoint("GET", "/api/v1/subjects/" + SUBJECT + "/disclosures", registryReaders),
                new Endpoint("GET", "/api/v1/subjects/" + SUBJECT + "/disclosures?includeWithheld=true", officer),
                new Endpoint("POST", "/api/v1/subjects/" + SUBJECT + "/disclosures", "{}", officer),
                new Endpoint("GET", "/api/v1/subjects/" + SUBJECT + "/notices", registryReaders),
                new Endpoint("GET", "/api/v1/subjects/" + SUBJECT + "/notices?includeWithheld=true", officer),
                new Endpoint("GET", "/api/v1/sharing-checks?subjectId=" + SUBJECT
                        + "&recipient=FACEBOOK&purpose=SOCIAL_MEDIA_AUDIENCES",
                        Set.of(Roles.STOREFRONT, Roles.MARKETING, Roles.PRIVACY_OFFICER)),
                new Endpoint("POST", "/api/v1/audience-uploads", "{}", Set.of(Roles.MARKETING, Roles.PRIVACY_OFFICER)),
                new Endpoint("GET", "/api/v1/notices", officerAndAuditor),
                new Endpoint("GET", "/api/v1/notices/" + NOTICE, officerAndAuditor),
                new Endpoint("POST", "/api/v1/notices/" + NOTICE + "/outcome", "{}", officer),
                new Endpoint("GET", "/api/v1/disclosure-summary?from=2026-11&to=2026-11", officerAndAuditor),
                new Endpoint("GET", "/api/v1/audit-log", officerAndAuditor),
                new Endpoint("GET", "/api/v1/audit-log/verification", officerAndAuditor));
    }

    static Stream<Arguments> everyEndpointAndRole() {
        return RoleMatrix.everyRole(endpoints(), Roles.ALL);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndRole")
    void onlyTheNamedRolesGetThrough(Endpoint endpoint, String role) {
        RoleMatrix.assertRoleAnswered(endpoint, role);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenEveryEndpointIsUnauthorised(Endpoint endpoint) {
        RoleMatrix.assertAnonymousAnswered(endpoint);
    }
}
