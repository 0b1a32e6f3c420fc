package com.justelegance.privacy.kit.security;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Tokens may not live longer than their roles allow (service-kit, every service): 12 hours for people's roles,
 * 1 hour for a service's, measured from the token's issued-at time (which smallrye-jwt already requires).
 */
@QuarkusTest
class TokenLifetimeTest {

    private static final String AUDIT_LOG = "/api/v1/audit-log";

    @Test
    void aTenYearTokenIsRefused() {
        Instant now = Instant.now();
        given().header("Authorization", TestTokens.issuedBearer(now.minusSeconds(60),
                        now.plus(Duration.ofDays(3650)), Roles.AUDITOR))
                .when().get(AUDIT_LOG)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void aTokenWithinTheLimitIsAccepted() {
        Instant now = Instant.now();
        given().header("Authorization", TestTokens.issuedBearer(now.minusSeconds(60),
                        now.plus(Duration.ofHours(11)), Roles.AUDITOR))
                .when().get(AUDIT_LOG)
                .then().statusCode(200);
    }

    @Test
    void aServiceRoleHasItsShorterLimitAndATokenGetsItsStrictestRolesLimit() {
        Instant now = Instant.now();
        String twoHours = TestTokens.issuedBearer(now.minusSeconds(60), now.plus(Duration.ofHours(2)),
                Roles.AUDITOR, Roles.DSR_SERVICE);
        given().header("Authorization", twoHours).when().get(AUDIT_LOG)
                .then().statusCode(401).contentType("application/problem+json");

        String twoHoursWithoutTheServiceRole = TestTokens.issuedBearer(now.minusSeconds(60),
                now.plus(Duration.ofHours(2)), Roles.AUDITOR);
        given().header("Authorization", twoHoursWithoutTheServiceRole).when().get(AUDIT_LOG)
                .then().statusCode(200);

        String fiftyMinutes = TestTokens.issuedBearer(now.minusSeconds(60), now.plus(Duration.ofMinutes(49)),
                Roles.AUDITOR, Roles.DSR_SERVICE);
        given().header("Authorization", fiftyMinutes).when().get(AUDIT_LOG)
                .then().statusCode(200);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Instant now = Instant.now();
        given().header("Authorization", TestTokens.issuedBearer(now.plus(Duration.ofMinutes(10)),
                        now.plus(Duration.ofHours(1)), Roles.AUDITOR))
                .when().get(AUDIT_LOG)
                .then().statusCode(401).contentType("application/problem+json");
    }
}
