package com.justelegance.privacy.simulator.customers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.SalesChannel;
import com.justelegance.privacy.events.codes.WithheldReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One customer as the storefront holds them: who they are, how to reach them, where they live, what they bought
 * and what they chose about marketing. After an erasure only the subject id, the orders kept for tax (without
 * names or addresses) and the erasure's answers remain.
 *
 * @param subjectId            the opaque id every event about them carries
 * @param customerNumber       printed on invoices and quoted on the phone; null once erased
 * @param name                 null once erased
 * @param email                null once erased
 * @param phone                null when they gave none, or once erased
 * @param addresses            their address book; empty once erased
 * @param account              their My Account registration, or null (guest checkouts only, or erased)
 * @param orders               every order, oldest first; once erased, only those kept for tax
 * @param marketingPreferences their marketing choices; empty once erased
 * @param erasure              null until erased
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(String subjectId, String customerNumber, Name name, String email, String phone,
                       List<Address> addresses, Account account, List<Order> orders,
                       List<MarketingPreference> marketingPreferences, Erasure erasure) {

    public Customer {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        orders = orders == null ? List.of() : List.copyOf(orders);
        marketingPreferences = marketingPreferences == null ? List.of() : List.copyOf(marketingPreferences);
    }

    public boolean erased() {
        return erasure != null;
    }

    /** A person's name as they gave it. */
    public record Name(String title, String givenName, String familyName) {
    }

    /** A postal address in the address book, used for delivery, invoices or both. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(String addressId, Use use, String line1, String line2, String town, String postcode,
                          String country) {

        /** What the customer uses the address for. */
        public enum Use { DELIVERY_AND_INVOICE, DELIVERY }
    }

    /** The customer's My Account registration. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Account(String accountId, Instant openedAt, Instant closedAt) {
    }

    /**
     * An order as the storefront keeps it. Once the customer is erased, the recipient's name and the addresses are
     * removed ({@code nameAndAddressesRemoved}) and the rest is the tax record.
     *
     * @param deliveryAddress null for click and collect, and once erased
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Order(String orderId, Instant placedAt, SalesChannel salesChannel, List<OrderItem> items,
                        BigDecimal deliveryCharge, BigDecimal total, String currency, String recipientName,
                        Address deliveryAddress, Address invoiceAddress, boolean nameAndAddressesRemoved) {

        public Order {
            items = items == null ? List.of() : List.copyOf(items);
        }

        /** The order as kept for tax after an erasure: no recipient name, no addresses. */
        public Order withoutNameAndAddresses() {
            return new Order(orderId, placedAt, salesChannel, items, deliveryCharge, total, currency, null, null,
                    null, true);
        }
    }

    /** One line of an order. */
    public record OrderItem(String sku, String description, int quantity, BigDecimal unitPrice) {
    }

    /** A marketing choice the customer made at the storefront (consent-service holds its proof). */
    public record MarketingPreference(String purpose, String state, String source, Instant recordedAt) {
    }

    /**
     * What is left of an erasure: when it happened and what each request was answered, so that a request
     * delivered again gets the same receipt.
     */
    public record Erasure(Instant erasedAt, List<Answer> answers) {

        public Erasure {
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    /** The storefront's receipt for one erasure request, as {@code ErasureCompleted} carries it. */
    public record Answer(String requestId, List<Erased> erased, List<Withheld> withheld, Instant completedAt) {

        public Answer {
            erased = erased == null ? List.of() : List.copyOf(erased);
            withheld = withheld == null ? List.of() : List.copyOf(withheld);
        }
    }

    /** How many records of a category were erased. */
    public record Erased(DataCategory category, long count) {
    }

    /** What was kept, why and until when. */
    public record Withheld(DataCategory category, WithheldReason reason, LocalDate until) {
    }
}
