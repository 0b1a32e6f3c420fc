package com.justelegance.privacy.dsr.rest;

import com.justelegance.privacy.dsr.domain.Nation;
import com.justelegance.privacy.dsr.service.BankHolidayCalendars;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestClock;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Customer service asks when a request must be answered: from the day it was received, with the shipped calendar of
 * the nation it names, and with the events that move the deadline.
 */
@QuarkusTest
class DeadlineResourceTest {

    private static final String PROBLEMS = "https://privacy.justelegance.com/problems/";

    @Inject
    BankHolidayCalendars calendars;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRequestReceivedOnThirdSeptemberIsDueOnTheMondayAfterTheSaturday() {
        asCustomerService()
                .queryParam("receivedOn", "2026-09-03")
                .when().get("/api/v1/deadlines")
                .then().statusCode(200)
                .body("receivedOn", equalTo("2026-09-03"))
                .body("startedOn", equalTo("2026-09-03"))
                .body("dueOn", equalTo("2026-10-05"))
                .body("paused", equalTo(false))
                .body("extended", equalTo(false))
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
    void identityClarificationsAndAnExtensionMoveTheDueDate() {
        // Received 2 March 2026; identity on 5 March (due 7 April, after Easter Monday); clarification asked on
        // 10 March (26 days left to 5 April) and answered on 20 March: 15 April. Extended on 1 April: three months
        // from 5 March plus the 10 days paused, Monday 15 June.
        asCustomerService()
                .queryParam("receivedOn", "2026-03-02")
                .queryParam("identityReceivedOn", "2026-03-05")
                .queryParam("clarificationRequestedOn", "2026-03-10")
                .queryParam("clarificationReceivedOn", "2026-03-20")
                .queryParam("extendedOn", "2026-04-01")
                .queryParam("extensionReason", "Complex request across several systems")
                .when().get("/api/v1/deadlines")
                .then().statusCode(200)
                .body("startedOn", equalTo("2026-03-05"))
                .body("dueOn", equalTo("2026-06-15"))
                .body("paused", equalTo(false))
                .body("extended", equalTo(true));
    }

    @Test
    void anUnansweredClarificationStopsTheClock() {
        clock.standAt(Instant.parse("2026-05-01T09:00:00Z"));
        asCustomerService()
                .queryParam("receivedOn", "2026-03-02")
                .queryParam("clarificationRequestedOn", "2026-03-10", "2026-03-25")
                .queryParam("clarificationReceivedOn", "2026-03-20")
                .when().get("/api/v1/deadlines")
                .then().statusCode(200)
                .body("dueOn", nullValue())
                .body("paused", equalTo(true))
                .body("daysLeft", equalTo(18))  // 25 March to the calendar end, 12 April
                .body("overdue", equalTo(false));
    }

    @Test
    void daysLeftAndOverdueAreAsOfTodayInTheUk() {
        // 23:30 UTC on 1 April 2026 is already 2 April in London, the due date.
        clock.standAt(Instant.parse("2026-04-01T23:30:00Z"));
        deadline("2026-03-02", "ENGLAND_AND_WALES").statusCode(200)
                .body("daysLeft", equalTo(0))
                .body("overdue", equalTo(false));
        clock.standAt(Instant.parse("2026-04-02T23:30:00Z"));
        deadline("2026-03-02", "ENGLAND_AND_WALES").statusCode(200)
                .body("daysLeft", equalTo(-1))
                .body("overdue", equalTo(true));
    }

    @Test
    void eventsTheRulesDoNotAllowAreConflicts() {
        refused("extension-not-allowed", "extendedOn", "2026-03-10");
        refused("extension-not-allowed", "extendedOn", "2026-04-03", "extensionReason", "Complex request");
        refused("clarification-not-allowed", "clarificationRequestedOn", "2026-04-03");
        refused("clarification-not-allowed", "clarificationReceivedOn", "2026-03-10");
        refused("identity-restart-not-allowed", "extendedOn", "2026-03-10", "extensionReason", "Complex request",
                "identityReceivedOn", "2026-03-12");
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

    /** A request received on 2 March 2026 (due 2 April) with the events given as name-value pairs. */
    private void refused(String slug, String... parameters) {
        RequestSpecification request = asCustomerService().queryParam("receivedOn", "2026-03-02");
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        request.when().get("/api/v1/deadlines")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + slug));
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
