package com.justelegance.privacy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureCompleted.ErasedRecords;
import com.justelegance.privacy.events.ErasureCompleted.WithheldRecords;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.RectificationRequested;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.events.codes.SalesChannel;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.simulator.customers.Customer;
import com.justelegance.privacy.simulator.customers.Customer.Address;
import com.justelegance.privacy.simulator.customers.Customer.Order;
import com.justelegance.privacy.simulator.customers.Customer.OrderItem;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The storefront as an erasure participant on the real test broker: an erasure request is answered by exactly
 * one receipt that keeps the recent orders for tax and erases the rest, the data endpoint then shows no personal
 * data, a request delivered twice gets the same answer, and a poison record neither stops the consumer nor is
 * lost (it goes to the dead-letter topic).
 */
class ErasureParticipantTest {

    private static RunningStorefront storefront;

    @BeforeAll
    static void start() {
        try {
            storefront = RunningStorefront.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        storefront.close();
    }

    @Test
    void anErasureRequestGetsOneReceiptKeepingRecentOrdersForTaxAndThePersonalDataIsGone() throws IOException {
        Instant now = Instant.now();
        Instant sevenYearsAgo = now.minus(7 * 366, ChronoUnit.DAYS);
        Instant lastYear = now.minus(365, ChronoUnit.DAYS);
        Instant lastMonth = now.minus(30, ChronoUnit.DAYS);
        Customer customer = customer(List.of(order("ord-old", sevenYearsAgo), order("ord-last-year", lastYear),
                order("ord-last-month", lastMonth)));
        storefront.directory().add(List.of(customer));
        EventEnvelope<ErasureRequested> request = erasureRequest(customer.subjectId());

        try (TopicWatch receipts = TopicWatch.open(Topics.ERASURE_RECEIPTS)) {
            TopicWatch.send(request);

            EventEnvelope<?> event = receipts.awaitEvents(answering(request), 1).getFirst();
            assertThat(event.producer(), equalTo("storefront"));
            assertThat(event.subjectId(), equalTo(customer.subjectId()));
            assertThat(event.correlationId(), equalTo(request.eventId()));
            ErasureCompleted receipt = (ErasureCompleted) event.payload();
            assertThat(receipt.service(), equalTo("storefront"));
            assertThat(receipt.withheld(), contains(
                    new WithheldRecords(DataCategory.PURCHASE_HISTORY, WithheldReason.LEGAL_OBLIGATION,
                            sixYearsAfter(lastYear)),
                    new WithheldRecords(DataCategory.PURCHASE_HISTORY, WithheldReason.LEGAL_OBLIGATION,
                            sixYearsAfter(lastMonth))));
            assertThat(receipt.erased(), containsInAnyOrder(
                    new ErasedRecords(DataCategory.CONTACT_NAME, 4),      // the customer's, and on each order
                    new ErasedRecords(DataCategory.EMAIL, 1),
                    new ErasedRecords(DataCategory.PHONE, 1),
                    new ErasedRecords(DataCategory.DELIVERY_ADDRESS, 4),  // the address book's, and each order's
                    new ErasedRecords(DataCategory.INVOICE_ADDRESS, 3),
                    new ErasedRecords(DataCategory.ACCOUNT_CREDENTIALS, 1),
                    new ErasedRecords(DataCategory.MARKETING_PREFERENCES, 1),
                    new ErasedRecords(DataCategory.PURCHASE_HISTORY, 1)));  // the order over six years old
            // Exactly one receipt for the request: nothing more arrives.
            assertThat(receipts.eventsWithin(Duration.ofSeconds(2), answering(request)).size(), equalTo(1));
        }

        HttpResponse<String> response = storefront.getAsDsrService(
                "/data-source/v1/subjects/" + customer.subjectId() + "/data");
        assertThat(response.body(), response.statusCode(), equalTo(200));
        for (String personal : List.of("Quentin", "Blake", "quentin.blake", "07700 900", "Acacia", "LS1 4AP",
                "JE-ERASE")) {
            assertThat(response.body(), not(containsString(personal)));
        }
        assertThat(Files.readString(storefront.directory().file()), not(containsString("quentin.blake")));
        JsonNode data = RunningStorefront.json(response.body());
        assertThat(data.get("categories").size(), equalTo(1));
        JsonNode orders = data.get("categories").get(0);
        assertThat(orders.get("category").asText(), equalTo("orders"));
        assertThat(orders.get("data").size(), equalTo(2));
        for (JsonNode order : orders.get("data")) {
            assertThat(order.get("nameAndAddressesRemoved").asBoolean(), equalTo(true));
            assertThat(order.has("recipientName"), equalTo(false));
            assertThat(order.has("deliveryAddress"), equalTo(false));
            assertThat(order.get("total").decimalValue(), equalTo(new BigDecimal("37.95")));
        }
        // Nobody can be found by the erased identifiers any more.
        assertThat(storefront.lookUp("email", customer.email()).isEmpty(), equalTo(true));
        assertThat(storefront.lookUp("customerNumber", customer.customerNumber()).isEmpty(), equalTo(true));
    }

    @Test
    void aRequestDeliveredTwiceGetsTheSameAnswerAndACustomerWithNothingKeptIsGoneFromTheApi() throws IOException {
        Customer customer = customer(List.of(order("ord-old", Instant.now().minus(8 * 366, ChronoUnit.DAYS))));
        storefront.directory().add(List.of(customer));
        EventEnvelope<ErasureRequested> request = erasureRequest(customer.subjectId());

        try (TopicWatch receipts = TopicWatch.open(Topics.ERASURE_RECEIPTS)) {
            TopicWatch.send(request);
            ErasureCompleted first = (ErasureCompleted) receipts.awaitEvents(answering(request), 1).getFirst()
                    .payload();
            TopicWatch.send(request); // as a redelivery after a crash would
            List<EventEnvelope<?>> both = receipts.awaitEvents(answering(request), 2);

            assertThat(both.get(1).payload(), equalTo(first));
            assertThat(first.withheld().isEmpty(), equalTo(true));
        }
        DataSourceApiTest.assertProblem(storefront.getAsDsrService(
                "/data-source/v1/subjects/" + customer.subjectId() + "/data"), 404, "subject-not-found");
    }

    @Test
    void aSubjectTheStorefrontNeverKnewStillGetsAReceiptSoTheRequestCanClose() {
        EventEnvelope<ErasureRequested> request = erasureRequest("cust-never-" + UUID.randomUUID()
                .toString().substring(0, 8));
        try (TopicWatch receipts = TopicWatch.open(Topics.ERASURE_RECEIPTS)) {
            TopicWatch.send(request);

            ErasureCompleted receipt = (ErasureCompleted) receipts.awaitEvents(answering(request), 1).getFirst()
                    .payload();
            assertThat(receipt.erased().isEmpty(), equalTo(true));
            assertThat(receipt.withheld().isEmpty(), equalTo(true));
        }
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextRequestIsStillAnswered() {
        String subject = "cust-poison-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope<ErasureRequested> request = erasureRequest(subject);
        try (TopicWatch receipts = TopicWatch.open(Topics.ERASURE_RECEIPTS);
             TopicWatch deadLetters = TopicWatch.open(Topics.deadLetterTopic(Topics.ERASURE_REQUESTS))) {
            // Same key, so the same partition: the request is behind the poison record.
            TopicWatch.send(Topics.ERASURE_REQUESTS, subject, "{\"this is\": not an event");
            TopicWatch.send(Topics.ERASURE_REQUESTS, subject, EventCodec.encode(erasureRequest("cust-other")));
            TopicWatch.send(request);

            assertThat(receipts.awaitEvents(answering(request), 1).size(), equalTo(1));
            ConsumerRecord<String, String> notJson = deadLetters.awaitRecord(record -> subject.equals(record.key())
                    && record.value().startsWith("{\"this is\""));
            assertThat(TopicWatch.header(notJson, "dead-letter-reason"), containsString("Malformed JSON"));
            assertThat(TopicWatch.header(notJson, "dead-letter-topic"), equalTo(Topics.ERASURE_REQUESTS));
            assertThat(TopicWatch.header(notJson, "dead-letter-consumer"), equalTo("storefront/privacy-requests"));
            ConsumerRecord<String, String> wrongKey = deadLetters.awaitRecord(record -> subject.equals(record.key())
                    && record.value().contains("cust-other"));
            assertThat(TopicWatch.header(wrongKey, "dead-letter-reason"), containsString("key"));
        }
        assertThat(storefront.consumerRuns(), equalTo(true));
    }

    @Test
    void aRectificationRequestIsReadWithoutStoppingTheErasures() {
        String subject = "cust-rect-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope<ErasureRequested> request = erasureRequest(subject);
        try (TopicWatch receipts = TopicWatch.open(Topics.ERASURE_RECEIPTS)) {
            TopicWatch.send(EventEnvelope.create(subject, "dsr-service", Instant.now(),
                    new RectificationRequested("dsr-rect-1", List.of(DataCategory.DELIVERY_ADDRESS))));
            TopicWatch.send(request);

            assertThat(receipts.awaitEvents(answering(request), 1).size(), equalTo(1));
        }
    }

    private static java.util.function.Predicate<EventEnvelope<?>> answering(EventEnvelope<ErasureRequested> request) {
        return event -> event.payload() instanceof ErasureCompleted receipt
                && receipt.requestId().equals(request.payload().requestId())
                && "storefront".equals(receipt.service());
    }

    private static EventEnvelope<ErasureRequested> erasureRequest(String subjectId) {
        return EventEnvelope.create(subjectId, "dsr-service", Instant.now(), new ErasureRequested(
                "dsr-" + UUID.randomUUID().toString().substring(0, 8), ErasureReason.DATA_SUBJECT_REQUEST,
                "dsr-service"));
    }

    private static LocalDate sixYearsAfter(Instant orderedAt) {
        return orderedAt.atZone(ZoneOffset.UTC).toLocalDate().plusYears(6);
    }

    private static final Address HOME = new Address("adr-erase-1", Address.Use.DELIVERY_AND_INVOICE,
            "12 Acacia Avenue", null, "Leeds", "LS1 4AP", "GB");

    /** A customer with every kind of personal data the storefront holds, and the given orders. */
    private static Customer customer(List<Order> orders) {
        String subjectId = "cust-erase-" + UUID.randomUUID().toString().substring(0, 8);
        return new Customer(subjectId, "JE-ERASE-" + subjectId.substring(11), new Customer.Name("Mr", "Quentin",
                "Blake"), "quentin.blake+" + subjectId + "@example.com", "07700 900123", List.of(HOME),
                new Customer.Account("acc-" + subjectId, Instant.now().minus(3000, ChronoUnit.DAYS), null), orders,
                List.of(new Customer.MarketingPreference("EMAIL_MARKETING", "GRANTED", "CHECKOUT", Instant.now())),
                null);
    }

    private static Order order(String orderId, Instant placedAt) {
        return new Order(orderId + "-" + UUID.randomUUID().toString().substring(0, 8), placedAt,
                SalesChannel.WEBSITE, List.of(new OrderItem("JE-SCF-011", "Silk scarf, navy", 1,
                new BigDecimal("34.00"))), new BigDecimal("3.95"), new BigDecimal("37.95"), "GBP",
                "Quentin Blake", HOME, HOME, false);
    }
}
