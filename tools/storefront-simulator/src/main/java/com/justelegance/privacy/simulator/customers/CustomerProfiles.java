package com.justelegance.privacy.simulator.customers;

import com.justelegance.privacy.events.AccountClosed;
import com.justelegance.privacy.events.AccountOpened;
import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.CustomerContacted;
import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.ProcessingRestricted;
import com.justelegance.privacy.events.ProcessingRestrictionLifted;
import com.justelegance.privacy.events.RectificationRequested;
import com.justelegance.privacy.events.SubjectRequestClosed;
import com.justelegance.privacy.events.SubjectRequestOpened;
import com.justelegance.privacy.events.codes.SalesChannel;
import com.justelegance.privacy.simulator.customers.Customer.Account;
import com.justelegance.privacy.simulator.customers.Customer.Address;
import com.justelegance.privacy.simulator.customers.Customer.MarketingPreference;
import com.justelegance.privacy.simulator.customers.Customer.Name;
import com.justelegance.privacy.simulator.customers.Customer.Order;
import com.justelegance.privacy.simulator.customers.Customer.OrderItem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Makes up the personal data behind a simulated customer's journey: a name, an e-mail address, maybe a phone
 * number, an address book, and the items, totals and addresses of the orders the journey's events announced. The
 * orders' ids, dates and channels are the events' own, so what the storefront serves agrees with what it sent.
 *
 * <p>Deterministic: the same seed and customer give the same person. It draws from its own random sequence, so the
 * journeys (and the events they send) are the same as without it. E-mail addresses use the reserved domain
 * {@code example.com} and carry the run and the customer number, so they are unique; phone numbers come from
 * Ofcom's ranges reserved for drama, so they are never a real person's, and two customers may share one, as a
 * household's landline is shared.
 */
public final class CustomerProfiles {

    private static final long PROFILE_SALT = 0x5f3759dfL;
    private static final BigDecimal DELIVERY_CHARGE = new BigDecimal("3.95");
    private static final BigDecimal FREE_DELIVERY_FROM = new BigDecimal("50.00");

    private static final String[] TITLES = {"Ms", "Mr", "Mrs", "Dr", "Mx"};
    private static final String[] GIVEN_NAMES = {"Amelia", "Olivia", "Isla", "Ava", "Mia", "Grace", "Freya", "Lily",
            "Ella", "Sophie", "Harriet", "Niamh", "Aisha", "Priya", "Zara", "Oliver", "George", "Harry", "Noah",
            "Jack", "Leo", "Arthur", "Oscar", "Alfie", "Callum", "Rhys", "Ewan", "Declan", "Tariq", "Arjun"};
    private static final String[] FAMILY_NAMES = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson",
            "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
            "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Campbell", "Stewart", "MacDonald", "Murphy",
            "O'Neill", "Hughes", "Edwards", "Lewis"};
    private static final String[] STREETS = {"High Street", "Station Road", "Church Lane", "Victoria Road",
            "Green Lane", "Manor Road", "Park Avenue", "Queen Street", "Mill Lane", "The Crescent", "Kings Road",
            "Windsor Close", "Orchard Way", "Springfield Road", "Chapel Street"};
    /** Towns with their postcode areas. */
    private static final String[][] TOWNS = {{"Leeds", "LS"}, {"Bristol", "BS"}, {"Manchester", "M"},
            {"Norwich", "NR"}, {"Cardiff", "CF"}, {"Edinburgh", "EH"}, {"Belfast", "BT"}, {"York", "YO"},
            {"Bath", "BA"}, {"Exeter", "EX"}, {"Glasgow", "G"}, {"Brighton", "BN"}};
    /** Phone number stems in Ofcom's drama ranges; each takes three more digits. */
    private static final String[] PHONE_STEMS = {"07700 900", "020 7946 0", "0113 496 0", "0117 496 0",
            "0131 496 0", "0161 496 0", "028 9649 6"};
    private static final Product[] PRODUCTS = {
            new Product("JE-SCF-011", "Silk scarf, navy", "34.00"),
            new Product("JE-GLV-204", "Leather gloves, tan", "45.00"),
            new Product("JE-BAG-310", "Canvas tote bag", "22.50"),
            new Product("JE-JMP-118", "Merino jumper, charcoal", "79.00"),
            new Product("JE-SHT-042", "Linen shirt, white", "48.00"),
            new Product("JE-DRS-507", "Wrap dress, emerald", "95.00"),
            new Product("JE-BLT-066", "Leather belt, black", "29.00"),
            new Product("JE-SCK-009", "Cashmere socks, pair", "18.00"),
            new Product("JE-HAT-220", "Wool beanie, oatmeal", "24.00"),
            new Product("JE-UMB-150", "Folding umbrella", "19.50"),
            new Product("JE-WLT-331", "Card wallet, burgundy", "39.00"),
            new Product("JE-SNK-402", "Canvas trainers", "65.00")};

    private record Product(String sku, String description, String price) {
    }

    private final long seed;
    private final String runId;

    public CustomerProfiles(long seed, String runId) {
        this.seed = seed;
        this.runId = runId;
    }

    /** The storefront's customer number for the n-th customer of the run, as printed on invoices. */
    public String customerNumber(int n) {
        return "JE-" + runId.toUpperCase(Locale.ROOT) + "-" + String.format(Locale.ROOT, "%05d", n);
    }

    /**
     * The customer behind a journey.
     *
     * @param events      the journey's storefront events, in order
     * @param preferences the marketing choices the journey made
     */
    public Customer customer(String subjectId, int n, List<EventEnvelope<?>> events,
                             List<MarketingPreference> preferences) {
        Random random = new Random((seed * 1_000_003L + n) ^ PROFILE_SALT);
        Name name = new Name(TITLES[random.nextInt(TITLES.length)], pick(random, GIVEN_NAMES),
                pick(random, FAMILY_NAMES));
        String email = (name.givenName() + "." + name.familyName()).toLowerCase(Locale.ROOT).replace("'", "")
                + "+" + runId + "-" + n + "@example.com";
        String phone = random.nextDouble() < 0.7
                ? pick(random, PHONE_STEMS) + String.format(Locale.ROOT, "%03d", random.nextInt(1000)) : null;
        List<Address> addresses = new ArrayList<>();
        addresses.add(address(random, "adr-" + runId + "-" + n + "-1", Address.Use.DELIVERY_AND_INVOICE));
        if (random.nextDouble() < 0.25) {
            addresses.add(address(random, "adr-" + runId + "-" + n + "-2", Address.Use.DELIVERY));
        }

        Account account = null;
        List<Order> orders = new ArrayList<>();
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case OrderPlaced placed -> orders.add(order(random, placed, event, name, addresses));
                case AccountOpened opened -> account = new Account(opened.accountId(), event.occurredAt(), null);
                case AccountClosed closed -> account = account == null ? null
                        : new Account(account.accountId(), account.openedAt(), event.occurredAt());
                // Contacts are the contact centre's records, not the storefront's; the rest are not storefront events.
                case CustomerContacted contacted -> { }
                case ConsentChanged changed -> { }
                case ErasureRequested requested -> { }
                case ErasureCompleted completed -> { }
                case RectificationRequested rectification -> { }
                case SubjectRequestOpened opened -> { }
                case SubjectRequestClosed closed -> { }
                case ProcessingRestricted restricted -> { }
                case ProcessingRestrictionLifted lifted -> { }
            }
        }
        return new Customer(subjectId, customerNumber(n), name, email, phone, addresses, account, orders,
                preferences, null);
    }

    private Order order(Random random, OrderPlaced placed, EventEnvelope<?> event, Name name,
                        List<Address> addresses) {
        List<OrderItem> items = new ArrayList<>();
        int lines = 1 + random.nextInt(3);
        BigDecimal goods = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < lines; i++) {
            Product product = PRODUCTS[random.nextInt(PRODUCTS.length)];
            int quantity = random.nextDouble() < 0.85 ? 1 : 2;
            BigDecimal price = new BigDecimal(product.price());
            items.add(new OrderItem(product.sku(), product.description(), quantity, price));
            goods = goods.add(price.multiply(BigDecimal.valueOf(quantity)));
        }
        boolean collected = placed.salesChannel() == SalesChannel.CLICK_AND_COLLECT;
        BigDecimal delivery = collected || goods.compareTo(FREE_DELIVERY_FROM) >= 0
                ? BigDecimal.ZERO.setScale(2) : DELIVERY_CHARGE;
        Address invoice = addresses.getFirst();
        Address delivered = collected ? null : addresses.get(random.nextInt(addresses.size()));
        return new Order(placed.orderId(), event.occurredAt(), placed.salesChannel(), items, delivery,
                goods.add(delivery), "GBP", name.givenName() + " " + name.familyName(), delivered, invoice, false);
    }

    private static Address address(Random random, String id, Address.Use use) {
        String[] town = TOWNS[random.nextInt(TOWNS.length)];
        String line2 = random.nextDouble() < 0.2 ? "Flat " + (1 + random.nextInt(12)) : null;
        String postcode = town[1] + (1 + random.nextInt(20)) + " " + random.nextInt(10)
                + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
        return new Address(id, use, (1 + random.nextInt(180)) + " " + pick(random, STREETS), line2, town[0],
                postcode, "GB");
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
