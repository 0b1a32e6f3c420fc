package com.justelegance.privacy.consent;

import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;
import com.justelegance.privacy.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** The storefront's side of a soft opt-in: the OrderPlaced event it publishes on the real broker. */
final class ConsentEvents {

    private ConsentEvents() {
    }

    static EventEnvelope<OrderPlaced> orderPlaced(String subject, String order) {
        return EventEnvelope.create(subject, "storefront", Instant.now(),
                new OrderPlaced(order, SalesChannel.WEBSITE, Courier.ROYAL_MAIL, PaymentProvider.WORLDPAY));
    }

    /** Publishes OrderPlaced and waits until consent-service has applied it. */
    static void placeAndAwait(EntityManager entityManager, String subject, String order) {
        EventEnvelope<OrderPlaced> event = orderPlaced(subject, order);
        TestEvents.publish(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(entityManager, event.eventId()));
    }

    private static boolean applied(EntityManager entityManager, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager.createNativeQuery(
                        "SELECT 1 FROM processed_event WHERE consumer = 'storefront-activity' AND event_id = ?1")
                .setParameter(1, eventId).getResultList().isEmpty());
    }
}
