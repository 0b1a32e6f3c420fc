package com.justelegance.privacy.simulator;

import com.justelegance.privacy.events.AccountOpened;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.codes.SalesChannel;
import com.justelegance.privacy.simulator.customers.Customer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The simulated storefront keeps the contract: valid events, sensible orders, in order, never in the future. */
class CustomerJourneysTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final CustomerJourneys journeys = new CustomerJourneys(42, NOW, 3650, "t1");
    private final List<StorefrontAction> actions = IntStream.range(0, 500)
            .mapToObj(journeys::journeyOf)
            .flatMap(List::stream)
            .toList();

    @Test
    void everyEventSurvivesTheWireFormatAndBelongsToTheCustomerWhoseJourneyItIs() {
        for (int n = 0; n < 500; n++) {
            for (StorefrontAction action : journeys.journeyOf(n)) {
                assertThat(action.subjectId(), equalTo("cust-t1-" + n));
                if (action instanceof StorefrontAction.Publish publish) {
                    EventEnvelope<?> event = publish.event();
                    assertThat(EventCodec.decode(EventCodec.encode(event)), equalTo(event));
                    assertThat(event.producer(), equalTo("storefront"));
                    assertThat(event.subjectId(), equalTo("cust-t1-" + n));
                }
            }
        }
    }

    @Test
    void consentChoicesClaimOnlySourcesTheStorefrontMayRecord() {
        // consent-service refuses the storefront role any other source (customer service, unsubscribe links).
        Set<String> storefrontSources = Set.of("CHECKOUT", "REGISTRATION", "ACCOUNT_SETTINGS", "COOKIE_BANNER");
        List<String> claimed = actions.stream().filter(StorefrontAction.DecideConsent.class::isInstance)
                .map(a -> ((StorefrontAction.DecideConsent) a).source()).distinct().toList();
        assertThat(claimed.isEmpty(), equalTo(false));
        assertThat(claimed, everyItem(in(storefrontSources)));
    }

    @Test
    void ordersNameACourierUnlessCollectedAndAPaymentProviderUnlessSoldOnAMarketplace() {
        List<OrderPlaced> orders = events().stream().map(EventEnvelope::payload)
                .filter(OrderPlaced.class::isInstance).map(OrderPlaced.class::cast).toList();
        assertThat(orders.size(), greaterThan(500));
        for (OrderPlaced order : orders) {
            boolean marketplace = order.salesChannel() == SalesChannel.AMAZON || order.salesChannel() == SalesChannel.EBAY;
            assertThat(order.paymentProvider(), marketplace ? nullValue() : notNullValue());
            assertThat(order.courier(), order.salesChannel() == SalesChannel.CLICK_AND_COLLECT ? nullValue() : notNullValue());
        }
    }

    @Test
    void aCustomersEventsAreInTimeOrderAndNeverInTheFuture() {
        for (int n = 0; n < 500; n++) {
            Instant previous = Instant.MIN;
            for (StorefrontAction action : journeys.journeyOf(n)) {
                if (action instanceof StorefrontAction.Publish publish) {
                    Instant at = publish.event().occurredAt();
                    assertThat(at.isBefore(previous), equalTo(false));
                    assertThat(at, lessThanOrEqualTo(NOW));
                    previous = at;
                }
            }
        }
    }

    @Test
    void aCustomersJourneyDependsOnlyOnTheSeedAndTheCustomer() {
        CustomerJourneys sameSeed = new CustomerJourneys(42, NOW, 3650, "t1");
        for (int n : new int[]{3, 17, 499}) {
            assertThat(sameSeed.journeyOf(n).stream().map(CustomerJourneysTest::withoutIds).toList(),
                    equalTo(journeys.journeyOf(n).stream().map(CustomerJourneysTest::withoutIds).toList()));
        }
        assertThat(new CustomerJourneys(43, NOW, 3650, "t1").journeyOf(17).stream()
                        .map(CustomerJourneysTest::withoutIds).toList(),
                not(equalTo(journeys.journeyOf(17).stream().map(CustomerJourneysTest::withoutIds).toList())));
    }

    /** An action as the seed decides it: events without their random event and correlation ids. */
    private static Object withoutIds(StorefrontAction action) {
        if (action instanceof StorefrontAction.Publish publish) {
            EventEnvelope<?> event = publish.event();
            return List.of(event.eventType(), event.occurredAt(), event.subjectId(), event.payload());
        }
        return action;
    }

    @Test
    void someCustomersAreDormantForMoreThanSixYearsAndOnlyRecentOnesMakeConsentChoices() {
        long dormant = IntStream.range(0, 500).filter(n -> journeys.journeyOf(n)
                .stream().filter(StorefrontAction.Publish.class::isInstance)
                .map(a -> ((StorefrontAction.Publish) a).event().occurredAt())
                .allMatch(at -> at.isBefore(NOW.minus(Duration.ofDays(6 * 365 + 2))))).count();
        assertThat(dormant, greaterThan(0L));
        // Consent choices are stamped with the server's time, so a dormant customer making one would stop being dormant.
        for (int n = 0; n < 500; n++) {
            List<StorefrontAction> journey = journeys.journeyOf(n);
            boolean decides = journey.stream().anyMatch(StorefrontAction.DecideConsent.class::isInstance);
            Instant first = journey.stream().filter(StorefrontAction.Publish.class::isInstance)
                    .map(a -> ((StorefrontAction.Publish) a).event().occurredAt()).min(Instant::compareTo).orElseThrow();
            if (decides) {
                assertThat(first.isAfter(NOW.minus(Duration.ofDays(366))), equalTo(true));
            }
        }
    }

    @Test
    void theCustomerBehindAJourneyHoldsItsOrdersAndAccountAndIsTheSamePersonEveryTime() {
        Set<String> emails = new HashSet<>();
        Set<String> customerNumbers = new HashSet<>();
        for (int n = 0; n < 200; n++) {
            List<StorefrontAction> journey = journeys.journeyOf(n);
            Customer customer = journeys.customerOf(n, journey);
            List<EventEnvelope<?>> events = journey.stream().filter(StorefrontAction.Publish.class::isInstance)
                    .<EventEnvelope<?>>map(a -> ((StorefrontAction.Publish) a).event()).toList();

            assertThat(customer.subjectId(), equalTo("cust-t1-" + n));
            assertThat(customer.orders().stream().map(o -> List.of(o.orderId(), o.placedAt(), o.salesChannel()))
                            .toList(),
                    equalTo(events.stream().filter(e -> e.payload() instanceof OrderPlaced)
                            .map(e -> List.of(((OrderPlaced) e.payload()).orderId(), e.occurredAt(),
                                    ((OrderPlaced) e.payload()).salesChannel())).toList()));
            assertThat(customer.account() != null,
                    equalTo(events.stream().anyMatch(e -> e.payload() instanceof AccountOpened)));
            for (Customer.Order order : customer.orders()) {
                BigDecimal goods = order.items().stream()
                        .map(item -> item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(order.total(), equalTo(goods.add(order.deliveryCharge())));
                assertThat(order.deliveryAddress() == null,
                        equalTo(order.salesChannel() == SalesChannel.CLICK_AND_COLLECT));
            }
            assertThat(customer.email(), endsWith("@example.com"));
            emails.add(customer.email());
            customerNumbers.add(customer.customerNumber());
            // The same seed and customer make the same person.
            assertThat(new CustomerJourneys(42, NOW, 3650, "t1").customerOf(n, journey), equalTo(customer));
        }
        assertThat(emails.size(), equalTo(200));
        assertThat(customerNumbers.size(), equalTo(200));
    }

    private List<EventEnvelope<?>> events() {
        return actions.stream().filter(StorefrontAction.Publish.class::isInstance)
                .<EventEnvelope<?>>map(a -> ((StorefrontAction.Publish) a).event()).toList();
    }
}
