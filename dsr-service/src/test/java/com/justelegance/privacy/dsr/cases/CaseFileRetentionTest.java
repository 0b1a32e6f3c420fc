package com.justelegance.privacy.dsr.cases;

import com.justelegance.privacy.dsr.DsrApi;
import com.justelegance.privacy.dsr.service.CaseFileRetention;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestClock;
import com.justelegance.privacy.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;

import static com.justelegance.privacy.dsr.DsrApi.officer;
import static com.justelegance.privacy.dsr.DsrApi.openCase;
import static com.justelegance.privacy.dsr.DsrApi.step;
import static com.justelegance.privacy.dsr.DsrApi.view;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Closed case files are kept two years as evidence, then purged with their key; open cases, younger files and the
 * files of restrictions still in force stay.
 */
@QuarkusTest
class CaseFileRetentionTest {

    @Inject
    CaseFileRetention retention;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCaseClosedTwoYearsAgoIsPurgedWithItsKeyWhileOpenAndYoungerOnesStay() throws Exception {
        clock.standAt(Instant.parse("2020-06-01T09:00:00Z"));
        String closed = openCase("ACCESS", "old." + UUID.randomUUID() + "@example.com", null);
        step(Roles.CUSTOMER_SERVICE, closed, "withdrawal", "{\"note\": \"No longer needed\"}").statusCode(200);
        String stillOpen = openCase("ACCESS", "open." + UUID.randomUUID() + "@example.com", null);
        String restricted = openCase("RESTRICTION", "held." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + DsrApi.newSubject() + "\"");
        officer(restricted, "restriction", "{}").statusCode(200);
        clock.standAt(Instant.parse("2021-06-01T09:00:00Z"));
        String younger = openCase("ERASURE", "young." + UUID.randomUUID() + "@example.com", null);
        officer(younger, "refusal", "{\"reason\": \"NO_DATA_HELD\", \"explanation\": \"Not a customer\"}")
                .statusCode(200);

        clock.standAt(Instant.parse("2022-06-02T09:00:00Z"));
        assertThat(retention.purgeExpired(), greaterThanOrEqualTo(1));

        view(closed).statusCode(404);
        assertThat(keyExists("case:" + closed), equalTo(false));
        view(stillOpen).statusCode(200).body("requester.name", equalTo("Ann Example"));
        view(younger).statusCode(200).body("status", equalTo("REFUSED"));
        view(restricted).statusCode(200).body("status", equalTo("COMPLETED"));
        given().header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .when().get("/api/v1/audit-log?limit=200")
                .then().statusCode(200).body("action", hasItem("dsr.case-file.purged"));
    }

    private boolean keyExists(String owner) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM subject_key WHERE subject_id = ?")) {
            query.setString(1, owner);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        }
    }
}
