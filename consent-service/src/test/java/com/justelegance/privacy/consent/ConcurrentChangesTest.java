package com.justelegance.privacy.consent;

import com.justelegance.privacy.kit.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static com.justelegance.privacy.consent.ConsentApi.as;
import static com.justelegance.privacy.consent.ConsentApi.check;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * Twenty callers changing the same thing at the same moment: exactly one change wins and is audited or published
 * once; the others are told it conflicted (409), or, where the API promises idempotency, get the same answer
 * without a second effect.
 */
@QuarkusTest
class ConcurrentChangesTest {

    private static final int CALLERS = 20;

    @Inject
    EntityManager entityManager;

    @Test
    void registeringTheSamePolicyVersionAtOnceRegistersItOnce() {
        String version = "race-" + UUID.randomUUID().toString().substring(0, 8);
        List<Response> responses = atOnce(i -> as(Roles.PRIVACY_OFFICER).body("""
                        {"version": "%s", "effectiveFrom": "2026-11-02", "significant": false, "wordingHash": "%s",
                         "url": "https://www.justelegance.com/privacy-policy/v%d"}"""
                        .formatted(version, "%064x".formatted(i), i))
                .when().post("/api/v1/policy-versions"));

        assertOneWinnerAndConflicts(responses, 201);
        assertThat(auditEntries("consent.policy-version.registered", version), equalTo(1L));
    }

    @Test
    void addingTheSamePurposeAtOnceAddsItOnce() {
        String code = newPurposeCode();
        List<Response> responses = atOnce(i -> as(Roles.PRIVACY_OFFICER).body(purpose("Race " + i, null))
                .when().put("/api/v1/purposes/{code}", code));

        assertOneWinnerAndConflicts(responses, 201);
        assertThat(auditEntries("consent.purpose.added", code), equalTo(1L));
    }

    @Test
    void changingAPurposeFromTheSameVersionAtOnceChangesItOnce() {
        String code = newPurposeCode();
        int version = as(Roles.PRIVACY_OFFICER).body(purpose("Before", null))
                .when().put("/api/v1/purposes/{code}", code)
                .then().statusCode(201).extract().path("version");

        List<Response> responses = atOnce(i -> as(Roles.PRIVACY_OFFICER).body(purpose("After " + i, version))
                .when().put("/api/v1/purposes/{code}", code));

        assertOneWinnerAndConflicts(responses, 200);
        assertThat(auditEntries("consent.purpose.changed", code), equalTo(1L));
        String winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow()
                .path("description");
        as(Roles.AUDITOR).when().get("/api/v1/purposes").then()
                .body("find { it.code == '" + code + "' }.description", equalTo(winner))
                .body("find { it.code == '" + code + "' }.version", equalTo(version + 1));
    }

    @Test
    void redeemingOneUnsubscribeLinkAtOnceOptsOutOnce() {
        String subject = newSubject();
        decide(subject, "EMAIL_MARKETING", "GRANTED").statusCode(201);
        String token = as(Roles.MARKETING)
                .body("{\"purpose\": \"EMAIL_MARKETING\", \"subjectIds\": [\"" + subject + "\"]}")
                .when().post("/api/v1/unsubscribe-tokens")
                .then().statusCode(200).extract().path("links[0].token");

        List<Response> responses = atOnce(i -> given().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .when().post("/api/v1/unsubscribe/{token}", token));

        assertThat(responses.stream().map(Response::statusCode).toList(), everyItem(equalTo(200)));
        Map<String, Long> outcomes = responses.stream()
                .collect(Collectors.groupingBy(r -> r.path("outcome"), Collectors.counting()));
        assertThat(outcomes, equalTo(Map.of("UNSUBSCRIBED", 1L, "ALREADY_REDEEMED", (long) CALLERS - 1)));
        assertThat(count("SELECT count(*) FROM consent_decision WHERE subject_id = ?1 AND source = 'UNSUBSCRIBE_LINK'",
                subject), equalTo(1L));
        assertThat(consentChangedEvents(subject, "WITHDRAWN"), equalTo(1L));
        check(subject, "EMAIL_MARKETING").body("reason", equalTo("WITHDRAWN"));
    }

    @Test
    void theSameDecisionAtOnceChangesTheStateAndPublishesOnce() {
        String subject = newSubject();
        List<Response> responses = atOnce(i -> as(Roles.STOREFRONT).body("""
                        {"choices": [{"purpose": "SMS_MARKETING", "state": "GRANTED"}], "policyVersion": "2026-11",
                         "source": "ACCOUNT_SETTINGS", "method": "SAVE"}""")
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject));

        assertThat(responses.stream().map(Response::statusCode).toList(), everyItem(equalTo(201)));
        long changed = responses.stream().filter(r -> !r.<List<?>>path("changedPurposes").isEmpty()).count();
        assertThat(changed, equalTo(1L));
        assertThat(consentChangedEvents(subject, "GRANTED"), equalTo(1L));
    }

    /** Runs the call from {@value #CALLERS} threads released together, and returns every response. */
    private static List<Response> atOnce(IntFunction<Response> call) {
        ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                int caller = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.apply(caller);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(3, TimeUnit.MINUTES));
            }
            return responses;
        } catch (Exception e) {
            throw new IllegalStateException("A concurrent call failed", e);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void assertOneWinnerAndConflicts(List<Response> responses, int winnerStatus) {
        List<Integer> statuses = responses.stream().map(Response::statusCode).sorted().toList();
        List<Integer> expected = new ArrayList<>();
        expected.add(winnerStatus);
        for (int i = 1; i < CALLERS; i++) {
            expected.add(409);
        }
        assertThat(statuses, equalTo(expected));
        responses.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertThat(r.contentType(), equalTo("application/problem+json")));
    }

    private static String purpose(String description, Integer expectedVersion) {
        return """
                {"channel": "POST", "lawfulBasis": "CONSENT", "description": "%s", "directMarketing": true%s}"""
                .formatted(description, expectedVersion == null ? "" : ", \"expectedVersion\": " + expectedVersion);
    }

    private static String newPurposeCode() {
        return "RACE_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private long auditEntries(String action, String mentioning) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM audit_entry WHERE action = ?1 AND position(?2 in details) > 0")
                .setParameter(1, action).setParameter(2, "\"" + mentioning + "\"")
                .getSingleResult()).longValue());
    }

    private long consentChangedEvents(String subject, String state) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                        SELECT count(*) FROM outbox_event WHERE event_key = ?1 AND event_type = 'ConsentChanged'
                        AND payload -> 'payload' ->> 'state' = ?2""")
                .setParameter(1, subject).setParameter(2, state).getSingleResult()).longValue());
    }

    private long count(String sql, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, subject).getSingleResult()).longValue());
    }
}
