package com.justelegance.privacy.consent;

import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.check;
import static com.justelegance.privacy.consent.ConsentApi.current;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.history;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A browser sends Global Privacy Control ({@code Sec-GPC: 1}): the "sale or sharing" purposes (advertising
 * cookies, social-media audiences) are opted out with method GPC_SIGNAL, nothing else is touched, and an explicit
 * choice made with or after the signal is never overridden by it.
 */
@QuarkusTest
class GlobalPrivacyControlTest {

    private static final String ACCEPT_ALL_COOKIES = """
            {"choices": [{"purpose": "ANALYTICS_COOKIES", "state": "GRANTED"},
                         {"purpose": "ADVERTISING_COOKIES", "state": "GRANTED"},
                         {"purpose": "SOCIAL_MEDIA_AUDIENCES", "state": "GRANTED"}],
             "policyVersion": "2026-11", "source": "COOKIE_BANNER", "method": "ACCEPT"}""";
    private static final String SIGNAL_ONLY = """
            {"choices": [], "policyVersion": "2026-11", "source": "COOKIE_BANNER", "method": "SAVE"}""";

    @Test
    void gpcOptsOutOnlyTheSaleOrSharingPurposes() {
        String subject = newSubject();
        decide(subject, ACCEPT_ALL_COOKIES).statusCode(201);

        withGpc(subject, SIGNAL_ONLY).statusCode(201)
                .body("decisionId", nullValue())
                .body("gpcDecisionId", notNullValue())
                .body("changedPurposes", containsInAnyOrder("ADVERTISING_COOKIES", "SOCIAL_MEDIA_AUDIENCES"));

        check(subject, "ADVERTISING_COOKIES").body("allowed", equalTo(false)).body("reason", equalTo("WITHDRAWN"));
        check(subject, "SOCIAL_MEDIA_AUDIENCES").body("allowed", equalTo(false));
        check(subject, "ANALYTICS_COOKIES").body("allowed", equalTo(true));
        history(subject).body("method", contains("ACCEPT", "GPC_SIGNAL"))
                .body("[1].choices.purpose", containsInAnyOrder("ADVERTISING_COOKIES", "SOCIAL_MEDIA_AUDIENCES"));
    }

    @Test
    void aLaterExplicitChoiceIsNeverOverriddenByTheNextSignal() {
        String subject = newSubject();
        withGpc(subject, SIGNAL_ONLY).statusCode(201);
        check(subject, "ADVERTISING_COOKIES").body("reason", equalTo("DENIED"));

        // The person later opts back in to advertising cookies explicitly (their browser still sends GPC).
        withGpc(subject, """
                {"choices": [{"purpose": "ADVERTISING_COOKIES", "state": "GRANTED"}],
                 "policyVersion": "2026-11", "source": "COOKIE_BANNER", "method": "ACCEPT"}""")
                .statusCode(201)
                .body("changedPurposes", contains("ADVERTISING_COOKIES"));
        // Every later page view carries the signal again.
        withGpc(subject, SIGNAL_ONLY).statusCode(200).body("changedPurposes", empty());

        check(subject, "ADVERTISING_COOKIES").body("allowed", equalTo(true));
        check(subject, "SOCIAL_MEDIA_AUDIENCES").body("allowed", equalTo(false));
    }

    @Test
    void anExplicitChoiceInTheSameSubmissionPrevailsOverTheSignal() {
        String subject = newSubject();
        withGpc(subject, ACCEPT_ALL_COOKIES).statusCode(201)
                .body("gpcDecisionId", nullValue());

        current(subject).body("findAll { it.state == 'GRANTED' }.purpose",
                containsInAnyOrder("ANALYTICS_COOKIES", "ADVERTISING_COOKIES", "SOCIAL_MEDIA_AUDIENCES"));
    }

    @Test
    void withoutTheSignalOrWithGpcZeroNothingIsOptedOut() {
        String subject = newSubject();
        decide(subject, ACCEPT_ALL_COOKIES).statusCode(201);
        as(Roles.STOREFRONT).header("Sec-GPC", "0").body(SIGNAL_ONLY)
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then().statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/no-choices"));
        check(subject, "ADVERTISING_COOKIES").body("allowed", equalTo(true));
    }

    @Test
    void theGpcMethodCannotBeClaimedWithoutTheHeader() {
        decide(newSubject(), """
                {"choices": [{"purpose": "ADVERTISING_COOKIES", "state": "DENIED"}],
                 "policyVersion": "2026-11", "source": "COOKIE_BANNER", "method": "GPC_SIGNAL"}""")
                .statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/reserved-method"));
    }

    @Test
    void theGpcMethodIsAcceptedWhenTheHeaderComesWithIt() {
        String subject = newSubject();
        withGpc(subject, """
                {"choices": [{"purpose": "ADVERTISING_COOKIES", "state": "DENIED"}],
                 "policyVersion": "2026-11", "source": "COOKIE_BANNER", "method": "GPC_SIGNAL"}""")
                .statusCode(201)
                .body("changedPurposes", containsInAnyOrder("ADVERTISING_COOKIES", "SOCIAL_MEDIA_AUDIENCES"));

        check(subject, "ADVERTISING_COOKIES").body("allowed", equalTo(false)).body("reason", equalTo("DENIED"));
        check(subject, "SOCIAL_MEDIA_AUDIENCES").body("allowed", equalTo(false)).body("reason", equalTo("DENIED"));
        history(subject).body("method", everyItem(equalTo("GPC_SIGNAL")));

        String signalOnly = newSubject();
        withGpc(signalOnly, """
                {"choices": [], "policyVersion": "2026-11", "source": "COOKIE_BANNER", "method": "GPC_SIGNAL"}""")
                .statusCode(201)
                .body("changedPurposes", containsInAnyOrder("ADVERTISING_COOKIES", "SOCIAL_MEDIA_AUDIENCES"));
    }

    @Test
    void aGrantCannotBeRecordedAsTheGpcSignalEvenWithTheHeader() {
        String subject = newSubject();
        withGpc(subject, """
                {"choices": [{"purpose": "ADVERTISING_COOKIES", "state": "GRANTED"}],
                 "policyVersion": "2026-11", "source": "COOKIE_BANNER", "method": "GPC_SIGNAL"}""")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/reserved-method"))
                .body("detail", containsString("method"));
        check(subject, "ADVERTISING_COOKIES").body("allowed", equalTo(false)).body("reason", equalTo("NO_CONSENT"));
    }

    private static ValidatableResponse withGpc(String subject, String body) {
        return as(Roles.STOREFRONT).header("Sec-GPC", "1").body(body)
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then();
    }
}
