package com.justelegance.privacy.retention;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.RoleMatrix;
import com.justelegance.privacy.testing.RoleMatrix.Endpoint;
import com.justelegance.privacy.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Every endpoint against every role: the roles DESIGN.md section 6 gives it are let through, every other role gets
 * 403, and a call without a token gets 401. The calls are chosen to change nothing (an unchanged rule, unknown ids,
 * a purge run with the clock standing where nobody is due).
 */
@QuarkusTest
class RoleMatrixTest {

    private static final Set<String> OFFICER = Set.of(Roles.PRIVACY_OFFICER);
    private static final Set<String> OFFICER_AND_AUDITOR = Set.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR);
    private static final String SUBJECT = "cust-role-matrix";
    private static final String UNCHANGED_GENERAL_RULE = """
            {"anchor": "LAST_CONTACT", "period": "P6Y", "action": "ERASE", "reason":
             "Privacy policy: information is retained for 6 years after the customer\\u0027s last contact"}""";

    @Inject
    TestClock clock;

    static List<Endpoint> endpoints() {
        String unknown = UUID.randomUUID().toString();
        return List.of(
                new Endpoint("GET", "/api/v1/subjects/" + SUBJECT + "/timeline", null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/retention-rules", null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/retention-rules/history", null, OFFICER_AND_AUDITOR),
                new Endpoint("PUT", "/api/v1/retention-rules/GENERAL", UNCHANGED_GENERAL_RULE, OFFICER),
                new Endpoint("DELETE", "/api/v1/retention-rules/NO_SUCH_CATEGORY", null, OFFICER),
                new Endpoint("GET", "/api/v1/subjects/" + SUBJECT + "/holds", null, OFFICER_AND_AUDITOR),
                new Endpoint("POST", "/api/v1/subjects/" + SUBJECT + "/legal-holds",
                        "{\"reason\": \"OTHER\", \"reference\": \"ROLE-MATRIX\", \"endsOn\": \"2001-01-01\"}", OFFICER),
                new Endpoint("POST", "/api/v1/legal-holds/" + unknown + "/release", null, OFFICER),
                new Endpoint("POST", "/api/v1/purge-runs", null, OFFICER),
                new Endpoint("GET", "/api/v1/purge-runs", null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/purge-runs/" + unknown, null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/purge-runs/" + unknown + "/erasure-requests", null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/purge-preview?days=30", null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/erasure-requests/ret-" + unknown, null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/subjects/" + SUBJECT + "/erasure", null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/audit-log", null, OFFICER_AND_AUDITOR),
                new Endpoint("GET", "/api/v1/audit-log/verification", null, OFFICER_AND_AUDITOR));
    }

    static Stream<Arguments> everyEndpointAndRole() {
        return RoleMatrix.everyRole(endpoints(), Roles.ALL);
    }

    @BeforeEach
    void standWhereNobodyIsDue() {
        clock.standAt(Instant.parse("1980-01-01T00:00:00Z"));
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndRole")
    void onlyTheRolesGivenAnEndpointMayCallIt(Endpoint endpoint, String role) {
        RoleMatrix.assertRoleAnswered(endpoint, role);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenEveryEndpointAnswers401(Endpoint endpoint) {
        RoleMatrix.assertAnonymousAnswered(endpoint);
    }
}
