package com.justelegance.privacy.dsr;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.RoleMatrix.Call;
import com.justelegance.privacy.testing.RoleMatrix.Endpoint;
import com.justelegance.privacy.testing.RoleMatrixTests;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;

/**
 * Every endpoint against every caller (see RoleMatrix): the roles it names make a valid call and get its exact
 * success status, every other caller gets 403, and no token gets 401. Nothing here changes data yet.
 */
@QuarkusTest
class RoleMatrixTest extends RoleMatrixTests {

    RoleMatrixTest() {
        super(Roles.ALL, Roles.SERVICES);
    }

    @Override
    protected List<Endpoint> serviceEndpoints() {
        return List.of(
                Endpoint.of("GET /api/v1/deadlines", 200, Set.of(Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER,
                        Roles.AUDITOR), () -> Call.get("/api/v1/deadlines?receivedOn=2026-09-03")
                        .expecting(response -> response.body("dueOn", equalTo("2026-10-05")))));
    }
}
