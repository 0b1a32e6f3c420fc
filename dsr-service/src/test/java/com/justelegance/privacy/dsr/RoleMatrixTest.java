package com.justelegance.privacy.dsr;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.RoleMatrix;
import com.justelegance.privacy.testing.RoleMatrix.Call;
import com.justelegance.privacy.testing.RoleMatrix.Endpoint;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;

/**
 * Every endpoint against every caller (see RoleMatrix): the roles it names make a valid call and get its exact
 * success status, every other caller gets 403, and no token gets 401. Nothing here changes data yet.
 */
@QuarkusTest
class RoleMatrixTest {

    static List<Endpoint> endpoints() {
        return Stream.concat(RoleMatrix.kitEndpoints().stream(), Stream.of(
                Endpoint.of("GET /api/v1/deadlines", 200, Set.of(Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER,
                        Roles.AUDITOR), () -> Call.get("/api/v1/deadlines?receivedOn=2026-09-03")
                        .expecting(response -> response.body("dueOn", equalTo("2026-10-05")))))).toList();
    }

    static Stream<Arguments> everyEndpointAndCaller() {
        return RoleMatrix.everyCaller(endpoints(), Roles.ALL, Roles.SERVICES);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndCaller")
    void onlyTheNamedRolesGetThrough(Endpoint endpoint, String caller) {
        RoleMatrix.assertAnswered(endpoint, caller);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenEveryEndpointButTheIndexIsUnauthorised(Endpoint endpoint) {
        RoleMatrix.assertAnonymousAnswered(endpoint);
    }
}
