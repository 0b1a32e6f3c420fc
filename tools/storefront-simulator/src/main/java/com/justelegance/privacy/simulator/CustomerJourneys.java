package com.justelegance.privacy.simulator;

import com.justelegance.privacy.events.AccountClosed;
import com.justelegance.privacy.events.AccountOpened;
import com.justelegance.privacy.events.CustomerContacted;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.EventPayload;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.codes.AccountClosureReason;
import com.justelegance.privacy.events.codes.ComplaintStatus;
import com.justelegance.privacy.events.codes.ContactChannel;
import com.justelegance.privacy.events.codes.ContactReason;
import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;
import com.justelegance.privacy.simulator.customers.Customer;
import com.justelegance.privacy.simulator.customers.CustomerProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Plans realistic customer journeys: registration, cookie and marketing choices, orders through the website,
 * the app, the phone and the marketplaces, contact-centre contacts and complaints, unsubscribes and closures,
 * spread over years so that some customers are long dormant (the retention job's candidates).
 *
 * <p>Deterministic: a customer's journey depends only on the seed and the customer's number. Consent choices go through consent-service's API, which stamps them with the
 * server's time, so only customers active in the last year make them (older choices cannot be backdated).
 *
 * <p>{@link #customerOf} gives the customer behind a journey as the storefront holds them (name, contact details,
 * addresses, orders, marketing choices), from the very events the journey sends.
 */
public final class CustomerJourneys {

    private static final String PRODUCER = "storefront";
    private static final Duration RECENT = Duration.ofDays(365);

    private final long seed;
    private final Instant now;
    private final int historyDays;
    private final String runId;
    private final CustomerProfiles profiles;

    public CustomerJourneys(long seed, Instant now, int historyDays, String runId) {
        this.seed = seed;
        this.now = now;
        this.historyDays = historyDays;
        this.runId = runId;
        this.profiles = new CustomerProfiles(seed, runId);
    }

    /** The subject id of the n-th simulated customer of this run. */
    public String subjectId(int customerNumber) {
        return "cust-" + runId + "-" + customerNumber;
    }

    /** The customer's actions, in the order the storefront performs them. */
    public List<StorefrontAction> journeyOf(int customerNumber) {
        return new Journey(customerNumber).plan();
    }

    /**
     * The customer as the storefront holds them after this journey: their orders are the journey's
     * {@code OrderPlaced} events (same ids and times), their account its {@code AccountOpened} and
     * {@code AccountClosed}, their marketing choices its marketing consent decisions.
     *
     * @param journey what {@link #journeyOf} planned for this customer
     */
    public Customer customerOf(int customerNumber, List<StorefrontAction> journey) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        List<Customer.MarketingPreference> preferences = new ArrayList<>();
        for (StorefrontAction action : journey) {
            switch (action) {
                case StorefrontAction.Publish publish -> events.add(publish.event());
                case StorefrontAction.DecideConsent decision -> {
                    if (decision.purpose().endsWith("_MARKETING")) {
                        // The storefront keeps the latest choice per purpose; consent-service keeps the history.
                        preferences.removeIf(earlier -> earlier.purpose().equals(decision.purpose()));
                        preferences.add(new Customer.MarketingPreference(decision.purpose(), decision.state(),
                                decision.source(), now));
                    }
                }
            }
        }
        return profiles.customer(subjectId(customerNumber), customerNumber, events, preferences);
    }

    /** One customer's journey being planned, with its own random sequence. */
    private final class Journey {

        private final int customerNumber;
        private final Random random;

        Journey(int customerNumber) {
            this.customerNumber = customerNumber;
            this.random = new Random(seed * 1_000_003L + customerNumber);
        }

        List<StorefrontAction> plan() {
            String subject = subjectId(customerNumber);
            List<StorefrontAction> actions = new ArrayList<>();
            Instant at = now.minus(Duration.ofDays(random.nextInt(historyDays + 1)))
                    .minusSeconds(random.nextInt(86_400));
            boolean recent = at.isAfter(now.minus(RECENT));
            boolean hasAccount = chance(0.6);

            if (hasAccount) {
                actions.add(publish(subject, at, new AccountOpened("acc-" + runId + "-" + customerNumber)));
            }
            boolean emailMarketing = false;
            if (recent) {
                actions.add(new StorefrontAction.DecideConsent(subject, "ANALYTICS_COOKIES",
                        chance(0.6) ? "GRANTED" : "DENIED", "COOKIE_BANNER", "SAVE"));
                if (chance(0.3)) {
                    actions.add(new StorefrontAction.DecideConsent(subject, "ADVERTISING_COOKIES", "GRANTED",
                            "COOKIE_BANNER", "ACCEPT"));
                }
                emailMarketing = chance(0.45);
                actions.add(new StorefrontAction.DecideConsent(subject, "EMAIL_MARKETING",
                        emailMarketing ? "GRANTED" : "DENIED", hasAccount ? "REGISTRATION" : "CHECKOUT",
                        emailMarketing ? "ACCEPT" : "REJECT"));
            }
            int orders = 1 + random.nextInt(5);
            for (int i = 0; i < orders; i++) {
                at = later(at);
                actions.add(publish(subject, at, order()));
            }
            if (chance(0.3)) {
                at = later(at);
                boolean complaint = chance(0.2);
                String complaintId = complaint ? "cmp-" + runId + "-" + customerNumber : null;
                actions.add(publish(subject, at, new CustomerContacted(contactId(), channel(),
                        complaint ? ContactReason.COMPLAINT : ContactReason.ORDER_QUERY,
                        complaint ? ComplaintStatus.OPEN : ComplaintStatus.NONE, complaintId)));
                if (complaint && chance(0.6)) {
                    at = later(at);
                    actions.add(publish(subject, at, new CustomerContacted(contactId(), channel(),
                            ContactReason.COMPLAINT, ComplaintStatus.RESOLVED, complaintId)));
                }
            }
            if (emailMarketing && chance(0.15)) {
                // The storefront may only claim sources it stands for: an unsubscribe link is redeemed by the
                // person, not recorded by the storefront, so a later opt-out is made in the account settings.
                actions.add(new StorefrontAction.DecideConsent(subject, "EMAIL_MARKETING", "WITHDRAWN",
                        "ACCOUNT_SETTINGS", "SAVE"));
            }
            if (hasAccount && chance(0.05)) {
                at = later(at);
                actions.add(publish(subject, at,
                        new AccountClosed("acc-" + runId + "-" + customerNumber, AccountClosureReason.CUSTOMER_REQUEST)));
            }
            return actions;
        }

        private OrderPlaced order() {
            double roll = random.nextDouble();
            SalesChannel channel = roll < 0.60 ? SalesChannel.WEBSITE
                    : roll < 0.75 ? SalesChannel.MOBILE_APP
                    : roll < 0.78 ? SalesChannel.TELEPHONE
                    : roll < 0.85 ? SalesChannel.CLICK_AND_COLLECT
                    : roll < 0.95 ? SalesChannel.AMAZON
                    : SalesChannel.EBAY;
            boolean marketplace = channel == SalesChannel.AMAZON || channel == SalesChannel.EBAY;
            Courier courier = channel == SalesChannel.CLICK_AND_COLLECT ? null
                    : pick(Courier.ROYAL_MAIL, 0.5, Courier.DPD, 0.85, Courier.PARCELFORCE);
            PaymentProvider payment = marketplace ? null : chance(0.7) ? PaymentProvider.WORLDPAY : PaymentProvider.PAYPAL;
            return new OrderPlaced("ord-" + UUID.nameUUIDFromBytes(randomBytes()), channel, courier, payment);
        }

        private EventEnvelope<?> envelope(String subject, Instant at, EventPayload payload) {
            return EventEnvelope.create(subject, PRODUCER, at, payload);
        }

        private StorefrontAction publish(String subject, Instant at, EventPayload payload) {
            return new StorefrontAction.Publish(envelope(subject, at, payload));
        }

        private Instant later(Instant at) {
            Instant next = at.plus(Duration.ofDays(1 + random.nextInt(120))).plusSeconds(random.nextInt(86_400));
            return next.isAfter(now) ? now : next;
        }

        private ContactChannel channel() {
            ContactChannel[] channels = ContactChannel.values();
            return channels[random.nextInt(channels.length)];
        }

        private String contactId() {
            return "cc-" + UUID.nameUUIDFromBytes(randomBytes());
        }

        private byte[] randomBytes() {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return bytes;
        }

        private boolean chance(double probability) {
            return random.nextDouble() < probability;
        }

        private <T> T pick(T first, double firstUpTo, T second, double secondUpTo, T otherwise) {
            double roll = random.nextDouble();
            return roll < firstUpTo ? first : roll < secondUpTo ? second : otherwise;
        }
    }
}
