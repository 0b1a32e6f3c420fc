package com.justelegance.privacy.consent;

import com.justelegance.privacy.consent.service.SoftOptIns;
import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.testing.TestClock;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.justelegance.privacy.consent.ConsentApi.check;
import static com.justelegance.privacy.consent.ConsentApi.decide;
import static com.justelegance.privacy.consent.ConsentApi.history;
import static com.justelegance.privacy.consent.ConsentApi.newSubject;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * PECR's soft opt-in rests on a sale: it takes effect only for an order the storefront reported for the same
 * person (OrderPlaced on the storefront activity topic). One that arrives before its order waits for it, for a
 * bounded time, and lapses if the order never comes; until then e-mail marketing is not allowed.
 */
@QuarkusTest
class SoftOptInOrderTest {

    @Inject
    TestClock clock;

    @Inject
    SoftOptIns softOptIns;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aSoftOptInForAnOrderAlreadySeenTakesEffectAtOnce() {
        String subject = newSubject();
        String order = newOrder();
        placeOrderAndWait(subject, order);

        softOptIn(subject, order).statusCode(201)
                .body("changedPurposes", contains("EMAIL_MARKETING"))
                .body("softOptInStatus", equalTo("CONFIRMED"));

        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(true)).body("basis", equalTo("SOFT_OPT_IN"));
    }

    @Test
    void aSoftOptInBeforeItsOrderWaitsAndTakesEffectWhenTheOrderArrives() {
        String subject = newSubject();
        String order = newOrder();

        softOptIn(subject, order).statusCode(201)
                .body("decisionId", notNullValue())
                .body("changedPurposes", empty())
                .body("softOptInStatus", equalTo("PENDING"))
                .body("softOptInLapsesAt", notNullValue());
        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(false)).body("reason", equalTo("NO_CONSENT"));
        history(subject).body("softOptInStatus", contains("PENDING"));

        try (TopicProbe consents = TopicProbe.open(Topics.CONSENT)) {
            TestEvents.publish(ConsentEvents.orderPlaced(subject, order));
            EventEnvelope<?> event = consents.awaitEvent(e -> e.subjectId().equals(subject));
            ConsentChanged changed = (ConsentChanged) event.payload();
            assertThat(changed.purpose(), equalTo("EMAIL_MARKETING"));
            assertThat(changed.state(), equalTo(ConsentState.GRANTED));
            assertThat(changed.basis(), equalTo(LawfulBasis.SOFT_OPT_IN));
        }
        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(true)).body("basis", equalTo("SOFT_OPT_IN"));
        history(subject).body("softOptInStatus", contains("CONFIRMED"));
    }

    @Test
    void aSoftOptInWhoseOrderComesTooLateLapsesAndNeverAllowsMarketing() {
        String subject = newSubject();
        String order = newOrder();
        softOptIn(subject, order).statusCode(201).body("softOptInStatus", equalTo("PENDING"));

        clock.moveForward(Duration.ofHours(25));
        placeOrderAndWait(subject, order);

        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(false)).body("reason", equalTo("NO_CONSENT"));
        history(subject).body("softOptInStatus", contains("LAPSED"));
    }

    @Test
    void theLapseJobEndsAWaitPastItsBoundAndALateOrderChangesNothing() {
        String subject = newSubject();
        String order = newOrder();
        softOptIn(subject, order).statusCode(201).body("softOptInStatus", equalTo("PENDING"));

        clock.moveForward(Duration.ofHours(23));
        softOptIns.lapseOverdue();
        history(subject).body("softOptInStatus", contains("PENDING"));

        clock.moveForward(Duration.ofHours(2));
        softOptIns.lapseOverdue();
        history(subject).body("softOptInStatus", contains("LAPSED"));

        clock.reset();
        placeOrderAndWait(subject, order);
        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(false)).body("reason", equalTo("NO_CONSENT"));
        history(subject).body("softOptInStatus", contains("LAPSED"));
    }

    @Test
    void anotherPersonsOrderIsNotAccepted() {
        String buyer = newSubject();
        String order = newOrder();
        placeOrderAndWait(buyer, order);
        String someoneElse = newSubject();

        softOptIn(someoneElse, order).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy.justelegance.com/problems/soft-opt-in-not-allowed"))
                .body("detail", containsString("softOptInOrderId"))
                .body("detail", not(containsString(order)));

        check(someoneElse, "EMAIL_MARKETING").body("allowed", equalTo(false)).body("reason", equalTo("NO_CONSENT"));
        history(someoneElse).body("", empty());
    }

    @Test
    void anExplicitChoiceMadeWhileTheSoftOptInWaitsIsNeverOverridden() {
        String subject = newSubject();
        String order = newOrder();
        softOptIn(subject, order).statusCode(201).body("softOptInStatus", equalTo("PENDING"));
        decide(subject, "EMAIL_MARKETING", "DENIED").statusCode(201);

        placeOrderAndWait(subject, order);

        check(subject, "EMAIL_MARKETING").body("allowed", equalTo(false)).body("reason", equalTo("DENIED"));
    }

    @Test
    void erasureForgetsTheSubjectsOrders() {
        String subject = newSubject();
        String order = newOrder();
        placeOrderAndWait(subject, order);
        softOptIn(subject, order).statusCode(201);
        softOptIn(subject, newOrder()).statusCode(201).body("softOptInStatus", equalTo("PENDING"));
        assertThat(ordersKnownFor(subject), equalTo(1L));

        String requestId = "dsr-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe receipts = TopicProbe.open(Topics.ERASURE_RECEIPTS)) {
            TestEvents.publish(EventEnvelope.create(subject, "dsr-service", Instant.now(), UUID.randomUUID(),
                    new ErasureRequested(requestId, ErasureReason.DATA_SUBJECT_REQUEST, "dsr-service")));
            receipts.awaitEvent(e -> e.subjectId().equals(subject) && e.payload() instanceof ErasureCompleted c
                    && c.requestId().equals(requestId) && c.service().equals("consent-service"));
        }

        assertThat(ordersKnownFor(subject), equalTo(0L));
        history(subject).body("", empty());
        // An order reported after the erasure is not learnt again.
        placeOrderAndWait(subject, newOrder());
        assertThat(ordersKnownFor(subject), equalTo(0L));
    }

    private static ValidatableResponse softOptIn(String subject, String order) {
        return decide(subject, """
                {"choices": [{"purpose": "EMAIL_MARKETING", "state": "GRANTED"}], "policyVersion": "%s",
                 "source": "CHECKOUT", "method": "SAVE", "softOptInOrderId": "%s"}"""
                .formatted(ConsentApi.POLICY, order));
    }

    private void placeOrderAndWait(String subject, String order) {
        ConsentEvents.placeAndAwait(entityManager, subject, order);
    }

    private long ordersKnownFor(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM known_order WHERE subject_id = ?1")
                .setParameter(1, subject).getSingleResult()).longValue());
    }

    private static String newOrder() {
        return "ord-" + UUID.randomUUID();
    }
}
