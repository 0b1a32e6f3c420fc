package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;
import com.justelegance.privacy.kit.inbox.DeadLetterPublisher;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.justelegance.privacy.disclosure.DisclosureEvents.NOV_24;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newId;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newSubject;
import static com.justelegance.privacy.disclosure.DisclosureEvents.orderPlaced;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Each OrderPlaced from the storefront becomes exactly one ledger entry per recipient that got the customer's data
 * (courier, payment provider, marketplace), with the data categories the registry lists for it; a redelivered
 * event adds nothing and a poison record is dead-lettered without stopping the next one.
 */
@QuarkusTest
class OrderLedgerTest {

    @Test
    void aWebsiteOrderRecordsItsCourierAndPaymentProvider() {
        String subject = newSubject();
        String order = newId("ord");

        TestEvents.publish(orderPlaced(subject, order, SalesChannel.WEBSITE, Courier.DPD, PaymentProvider.WORLDPAY));

        awaitEntries(subject, 2)
                .body("recipient", containsInAnyOrder("DPD", "WORLDPAY"))
                .body("source", everyItem(equalTo("ORDER")))
                .body("reference", everyItem(equalTo(order)))
                .body("disclosedAt", everyItem(equalTo(NOV_24.toString())))
                .body("find { it.recipient == 'DPD' }.dataCategories",
                        contains("CONTACT_NAME", "DELIVERY_ADDRESS", "EMAIL", "PHONE"))
                .body("find { it.recipient == 'DPD' }.legalBasis", equalTo("CONTRACT"))
                .body("find { it.recipient == 'WORLDPAY' }.dataCategories",
                        contains("CONTACT_NAME", "INVOICE_ADDRESS", "EMAIL", "PAYMENT_CARD", "IP_ADDRESS"));
    }

    @Test
    void aMarketplaceOrderRecordsTheMarketplaceAndNoPaymentProviderWhenTheMarketplaceTookPayment() {
        String subject = newSubject();

        TestEvents.publish(orderPlaced(subject, newId("ord"), SalesChannel.AMAZON, Courier.ROYAL_MAIL, null));

        awaitEntries(subject, 2)
                .body("recipient", containsInAnyOrder("ROYAL_MAIL", "AMAZON"))
                .body("find { it.recipient == 'AMAZON' }.dataCategories",
                        contains("CONTACT_NAME", "DELIVERY_ADDRESS", "EMAIL", "PHONE", "PURCHASE_HISTORY"));
    }

    @Test
    void aRedeliveredOrSentAgainOrderAddsNothing() {
        String subject = newSubject();
        String order = newId("ord");
        EventEnvelope<OrderPlaced> placed = orderPlaced(subject, order, SalesChannel.WEBSITE, Courier.PARCELFORCE,
                PaymentProvider.PAYPAL);
        String clickAndCollect = newId("ord");

        TestEvents.publish(placed);
        TestEvents.publish(placed);
        TestEvents.publish(orderPlaced(subject, order, SalesChannel.WEBSITE, Courier.PARCELFORCE,
                PaymentProvider.PAYPAL));
        TestEvents.publish(orderPlaced(subject, clickAndCollect, SalesChannel.CLICK_AND_COLLECT, null,
                PaymentProvider.WORLDPAY));

        // Same key, same partition: once the last order is in, the copies before it have been handled.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> disclosures(subject)
                .body("reference", org.hamcrest.Matchers.hasItem(clickAndCollect)));
        disclosures(subject).body("$", hasSize(3))
                .body("findAll { it.reference == '" + order + "' }.recipient",
                        containsInAnyOrder("PARCELFORCE", "PAYPAL"))
                .body("findAll { it.reference == '" + clickAndCollect + "' }.recipient", contains("WORLDPAY"));
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextOrderIsStillRecorded() {
        String subject = newSubject();
        try (TopicProbe deadLetters = TopicProbe.open(Topics.deadLetterTopic(Topics.STOREFRONT_ACTIVITY))) {
            TestEvents.send(Topics.STOREFRONT_ACTIVITY, subject, "{\"eventType\": \"OrderPlaced\", \"payload\": 7}");
            TestEvents.publish(orderPlaced(subject, newId("ord"), SalesChannel.EBAY, Courier.DPD, null));

            awaitEntries(subject, 2).body("recipient", containsInAnyOrder("DPD", "EBAY"));
            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> subject.equals(r.key())
                    && "disclosure-service/storefront-activity"
                    .equals(TopicProbe.header(r, DeadLetterPublisher.CONSUMER_HEADER)));
            assertThat(TopicProbe.header(deadLetter, DeadLetterPublisher.TOPIC_HEADER),
                    equalTo(Topics.STOREFRONT_ACTIVITY));
        }
    }

    private static ValidatableResponse awaitEntries(String subject, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> disclosures(subject).body("$", hasSize(count)));
        return disclosures(subject);
    }

    static ValidatableResponse disclosures(String subject) {
        return DisclosureApi.as(Roles.CUSTOMER_SERVICE)
                .when().get("/api/v1/subjects/{subject}/disclosures", subject)
                .then().statusCode(200);
    }
}
