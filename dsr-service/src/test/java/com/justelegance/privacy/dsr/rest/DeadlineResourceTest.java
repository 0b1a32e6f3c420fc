package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.domain.Nation;
import com.justelegance.privacy.dsr.service.BankHolidayCalendars;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Customer service asks when a request must be answered, with the shipped calendar of the nation it names. */
@QuarkusTest
class DeadlineResourceTest {

    private static final String PROBLEMS = "https://privacy.justelegance.com/problems/";

    @Inject
    BankHolidayCalendars calendars;

    @Test
    void aRequestReceivedOnThirdSeptemberIsDueOnTheMondayAfterTheSaturday() {
        asCustomerService()
                .queryParam("receivedOn", "2026-09-03")
                .when().get("/api/v1/deadlines")
                .then().statusCode(200)
                .body("receivedOn", equalTo("2026-09-03"))
                .body("dueOn", equalTo("2026-10-05"))
                .body("bankHolidays", equalTo("ENGLAND_AND_WALES"))
                .body("bankHolidaysFromRules", equalTo(false));
    }

    @Test
    void theNationNamedChoosesTheBankHolidays() {
        // Easter Monday 6 April 2026 is a bank holiday in England and Wales and in Northern Ireland, not Scotland.
        deadline("2026-03-06", "SCOTLAND").statusCode(200)
                .body("dueOn", equalTo("2026-04-06"))
                .body("bankHolidays", equalTo("SCOTLAND"));
        deadline("2026-03-06", "ENGLAND_AND_WALES").statusCode(200).body("dueOn", equalTo("2026-04-07"));
        // The Twelfth 2026 is a Sunday: Monday 13th is its substitute in Northern Ireland.
        deadline("2026-06-12", "NORTHERN_IRELAND").statusCode(200).body("dueOn", equalTo("2026-07-14"));
    }

    @Test
    void anUnknownNationIsABadRequestNamingTheParameter() {
        asCustomerService()
                .queryParam("receivedOn", "2026-09-03")
                .queryParam("nation", "WALES")
                .when().get("/api/v1/deadlines")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-parameter"))
                .body("errors[0].field", equalTo("nation"))
                .body("detail", containsString("ENGLAND_AND_WALES"));
    }

    @Test
    void aMissingOrMalformedDateIsABadRequest() {
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/deadlines")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("receivedOn"));
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .queryParam("receivedOn", "3rd of May")
                .when().get("/api/v1/deadlines")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aYearPastThePublishedListIsComputedFromTheRules() {
        // Monday 1 January 2029, New Year's Day by the rules: December 2028 no longer gets a 409.
        deadline("2028-12-01", "ENGLAND_AND_WALES").statusCode(200)
                .body("dueOn", equalTo("2029-01-02"))
                .body("bankHolidaysFromRules", equalTo(true));
        // Monday 1 and Tuesday 2 January 2029 in Scotland.
        deadline("2028-12-01", "SCOTLAND").statusCode(200).body("dueOn", equalTo("2029-01-03"));
    }

    @Test
    void aYearBeforeThePublishedListIsAConflictNotAGuess() {
        LocalDate before = LocalDate.of(calendars.of(Nation.ENGLAND_AND_WALES).firstYear() - 1, 6, 1);
        deadline(before.toString(), "ENGLAND_AND_WALES")
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "bank-holidays-not-covered"));
    }

    @Test
    void theStorefrontCannotAskAndNobodyAnonymousCan() {
        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .queryParam("receivedOn", "2026-09-03")
                .when().get("/api/v1/deadlines")
                .then().statusCode(403);
        given().queryParam("receivedOn", "2026-09-03")
                .when().get("/api/v1/deadlines")
                .then().statusCode(401);
    }

    private static ValidatableResponse deadline(String receivedOn, String nation) {
        return asCustomerService()
                .queryParam("receivedOn", receivedOn)
                .queryParam("nation", nation)
                .when().get("/api/v1/deadlines")
                .then();
    }

    private static RequestSpecification asCustomerService() {
        return given().header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE));
    }
}
