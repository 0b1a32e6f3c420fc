package com.justelegance.privacy.dsr.cases;

import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.justelegance.privacy.dsr.DsrApi.openCase;
import static com.justelegance.privacy.dsr.DsrApi.step;
import static com.justelegance.privacy.dsr.DsrApi.view;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Whom a case concerns, asked of the storefront's customer look-up over HTTP (its stand-in, see DataSourceStandIns):
 * one customer is recorded as the subject; none or two are left to staff, with only counts on the trail.
 */
@QuarkusTest
class SubjectResolutionTest {

    @Test
    void oneCustomerWithTheRequestersAddressBecomesTheCasesSubject() {
        String customer = UUID.randomUUID().toString().substring(0, 8);
        String id = openCase("ACCESS", "match." + customer + "@example.com", null);

        step(Roles.CUSTOMER_SERVICE, id, "subject-resolution", null).statusCode(200)
                .body("candidates", equalTo(1))
                .body("matchedBy", contains("EMAIL"))
                .body("requestCase.subjectId", equalTo("shop-" + customer));
        view(id).body("trail.action", hasItem("subject-resolved"));
    }

    @Test
    void twoCustomersOrNoneAreLeftToStaffWithoutNamingTheAddress() {
        String twins = "twins." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String ambiguous = openCase("ACCESS", twins, null);
        step(Roles.PRIVACY_OFFICER, ambiguous, "subject-resolution", null).statusCode(200)
                .body("candidates", equalTo(2))
                .body("requestCase.subjectId", nullValue());
        view(ambiguous).body("trail.action", hasItem("subject-ambiguous"))
                .body("trail.find { it.action == 'subject-ambiguous' }.why", not(containsString(twins)));

        String nobody = openCase("ERASURE", "nobody." + UUID.randomUUID() + "@example.com", null);
        step(Roles.CUSTOMER_SERVICE, nobody, "subject-resolution", null).statusCode(200)
                .body("candidates", equalTo(0))
                .body("matchedBy", empty());
        view(nobody).body("subjectId", nullValue()).body("trail.action", hasItem("subject-not-found"));
    }
}
