package com.justelegance.privacy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.justelegance.privacy.events.AccountOpened;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.EventPayload;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;
import com.justelegance.privacy.simulator.customers.Customer;
import com.justelegance.privacy.simulator.customers.CustomerDirectory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Customers with a history, made the way the storefront makes them: the customer in the storefront's directory
 * ({@code customers.json}, which the simulator's {@code serve} answers data requests and erasures from), their
 * {@code AccountOpened} and {@code OrderPlaced} events on {@code storefront.activity.v1} (retention builds their
 * timeline from them, disclosure-service its ledger: a courier and a payment provider per order), and their consent
 * decisions through consent-service's API, as the storefront records them. Then waits until every service has taken
 * it all in, so what is measured afterwards starts at idle.
 */
final class StorefrontSeed {

    private final BenchSystem system;
    private final FlowApi api;

    /** One seeded customer: who, and what the services should hold about them. */
    record Seeded(String subjectId, String email, int orders, int consentDecisions, int disclosures) {
    }

    StorefrontSeed(BenchSystem system, FlowApi api) {
        this.system = system;
        this.api = api;
    }

    /**
     * Seeds customers {@code <prefix>-0..count-1}, each with {@code orders} orders over the last ten years and
     * {@code consentChanges} consent decisions (alternating grants and withdrawals of e-mail marketing and social
     * media audiences, the last a grant of the latter, so audience uploads may include them).
     */
    List<Seeded> seed(String prefix, int count, int orders, int consentChanges) throws Exception {
        Instant now = Instant.now();
        List<Customer> customers = new ArrayList<>();
        List<EventEnvelope<? extends EventPayload>> events = new ArrayList<>();
        List<Seeded> seeded = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            String subject = prefix + "-" + c;
            String email = "bench.customer+" + subject + "@example.com";
            Customer.Address home = new Customer.Address("adr-" + subject, Customer.Address.Use.DELIVERY_AND_INVOICE,
                    (c + 1) + " Station Road", null, "Leeds", "LS6 2AB", "GB");
            Instant opened = now.minus(Duration.ofDays(3650 + 30));
            events.add(EventEnvelope.create(subject, "storefront", opened, new AccountOpened("acc-" + subject)));
            List<Customer.Order> placed = new ArrayList<>();
            for (int o = 0; o < orders; o++) {
                // Spread over ten years, oldest first, the last one today.
                Instant at = now.minus(Duration.ofDays(3650L * (orders - 1 - o) / Math.max(1, orders - 1)))
                        .minusSeconds(60);
                String orderId = "ord-" + subject + "-" + o;
                placed.add(new Customer.Order(orderId, at, SalesChannel.WEBSITE,
                        List.of(new Customer.OrderItem("JE-SCF-011", "Silk scarf, navy", 1, new BigDecimal("34.00"))),
                        new BigDecimal("3.95"), new BigDecimal("37.95"), "GBP", "Bench Customer " + c, home, home,
                        false));
                events.add(EventEnvelope.create(subject, "storefront", at, new OrderPlaced(orderId,
                        SalesChannel.WEBSITE, Courier.ROYAL_MAIL, PaymentProvider.WORLDPAY)));
            }
            customers.add(new Customer(subject, "JE-BENCH-" + c, new Customer.Name("Ms", "Bench", "Customer " + c),
                    email, null, List.of(home), new Customer.Account("acc-" + subject, opened, null), placed,
                    List.of(new Customer.MarketingPreference("EMAIL_MARKETING", "GRANTED", "ACCOUNT_SETTINGS",
                            now.minusSeconds(3600))), null));
            seeded.add(new Seeded(subject, email, orders, consentChanges, 2 * orders));
        }
        new CustomerDirectory(Path.of(system.setting("storefront.data-dir"))).add(customers);
        publish(events);
        for (Seeded customer : seeded) {
            for (int d = 0; d < customer.consentDecisions(); d++) {
                recordDecision(customer.subjectId(), d, customer.consentDecisions());
            }
        }
        for (Seeded customer : seeded) {
            awaitIngested(customer);
        }
        return seeded;
    }

    /** Decision {@code d} of {@code total}: alternately e-mail marketing and social audiences, ending granted. */
    private void recordDecision(String subject, int d, int total) throws Exception {
        int fromLast = total - 1 - d;
        String purpose = fromLast % 2 == 0 ? "SOCIAL_MEDIA_AUDIENCES" : "EMAIL_MARKETING";
        String state = (fromLast / 2) % 2 == 0 ? "GRANTED" : "WITHDRAWN";
        api.expect(201, api.post("storefront", system.url("consent-service") + "/api/v1/subjects/" + subject
                + "/consent-decisions", Map.of("choices", List.of(Map.of("purpose", purpose, "state", state)),
                "policyVersion", "2026-11", "source", "ACCOUNT_SETTINGS", "method", "SAVE")),
                "Recording a consent decision");
    }

    private void publish(List<EventEnvelope<? extends EventPayload>> events) throws Exception {
        try (KafkaProducer<String, String> producer = BenchSystem.storefrontProducer(system.kafkaBootstrap(),
                "bench-storefront", Map.of())) {
            for (EventEnvelope<? extends EventPayload> event : events) {
                producer.send(new ProducerRecord<>(event.topic(), event.subjectId(), EventCodec.encode(event)));
            }
            producer.flush();
        }
    }

    /** Until disclosure-service has the ledger entries and retention the timeline (orders and decisions). */
    void awaitIngested(Seeded customer) throws Exception {
        api.await("privacy-officer", system.url("disclosure-service") + "/api/v1/subjects/" + customer.subjectId()
                        + "/disclosures", answer -> answer.status() == 200
                        && answer.body().size() >= customer.disclosures(), Duration.ofMinutes(5),
                "disclosure-service's ledger of " + customer.disclosures() + " entries");
        api.await("privacy-officer", system.url("retention-service") + "/api/v1/subjects/" + customer.subjectId()
                        + "/timeline", answer -> answer.status() == 200
                        && answer.body().path("entries").size() >= 1 + customer.orders(),
                Duration.ofMinutes(5), "retention's timeline");
    }

    /** How many disclosures disclosure-service shows for the subject (withheld ones left out). */
    int disclosures(String subject) throws Exception {
        JsonNode body = api.expect(200, api.get("privacy-officer", system.url("disclosure-service")
                + "/api/v1/subjects/" + subject + "/disclosures"), "Reading disclosures");
        return body.size();
    }
}
