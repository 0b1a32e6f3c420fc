package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.domain.BankHolidayCalendar;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Customer service asks when a request received on a day must be answered, using the shipped calendar. */
@QuarkusTest
class DeadlineResourceTest {

    @Test
    void aRequestReceivedOnThirdSeptemberIsDueOnTheMondayAfterTheSaturday() {
        given().header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .queryParam("receivedOn", "2026-09-03")
                .when().get("/api/v1/deadlines")
                .then().statusCode(200)
                .body("dueOn", equalTo("2026-10-05"))
                .body("bankHolidays", equalTo("ENGLAND_AND_WALES"));
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

    @Inject
    BankHolidayCalendar calendar;

    @Test
    void aYearBeyondTheShippedCalendarIsAConflictNotAGuess() {
        // The first year the calendar in use does not cover, whatever year its data file runs to.
        LocalDate beyond = LocalDate.of(calendar.lastYear() + 1, 6, 1);
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .queryParam("receivedOn", beyond.toString())
                .when().get("/api/v1/deadlines")
                .then().statusCode(409)
                .body("type", equalTo("https://privacy.justelegance.com/problems/bank-holidays-not-covered"));
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
}
