package com.justelegance.privacy.simulator.customers;

import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.WithheldReason;
import com.justelegance.privacy.simulator.customers.Customer.Answer;
import com.justelegance.privacy.simulator.customers.Customer.Erased;
import com.justelegance.privacy.simulator.customers.Customer.Erasure;
import com.justelegance.privacy.simulator.customers.Customer.Order;
import com.justelegance.privacy.simulator.customers.Customer.Withheld;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the storefront erases of a customer and what it keeps. Everything personal goes: name, e-mail address,
 * phone number, address book, account, customer number, marketing choices, and orders over six years old. Orders
 * placed in the last six years stay as the tax record HMRC requires (UK GDPR Art. 17(3)(b)): id, date, channel,
 * items and totals, without the recipient's name or any address, each until six years after its order date.
 */
public final class StorefrontErasure {

    /** How long order records are kept for tax, counted from the order date. */
    public static final int ORDER_RETENTION_YEARS = 6;

    private StorefrontErasure() {
    }

    /** The customer after an erasure, and the storefront's receipt for it. */
    public record Outcome(Customer customer, Answer answer) {
    }

    /**
     * Erases a customer for one request. A request answered before gets its earlier answer again and changes
     * nothing, so a redelivered request is harmless.
     *
     * @param customer the customer, or null when the storefront does not know the subject (nothing to erase)
     */
    public static Outcome erase(Customer customer, String requestId, Instant now) {
        if (customer == null) {
            return new Outcome(null, new Answer(requestId, List.of(), List.of(), now));
        }
        if (customer.erased()) {
            Optional<Answer> earlier = customer.erasure().answers().stream()
                    .filter(answer -> answer.requestId().equals(requestId)).findFirst();
            if (earlier.isPresent()) {
                return new Outcome(customer, earlier.get());
            }
        }
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        List<Order> kept = customer.orders().stream().filter(order -> keptUntil(order).isAfter(today)).toList();

        Map<DataCategory, Long> erased = new EnumMap<>(DataCategory.class);
        count(erased, DataCategory.CONTACT_NAME, customer.name() != null ? 1 : 0);
        count(erased, DataCategory.CONTACT_NAME, countOrders(customer, order -> order.recipientName() != null));
        count(erased, DataCategory.EMAIL, customer.email() != null ? 1 : 0);
        count(erased, DataCategory.PHONE, customer.phone() != null ? 1 : 0);
        count(erased, DataCategory.DELIVERY_ADDRESS, customer.addresses().size());
        count(erased, DataCategory.DELIVERY_ADDRESS, countOrders(customer, order -> order.deliveryAddress() != null));
        count(erased, DataCategory.INVOICE_ADDRESS, countOrders(customer, order -> order.invoiceAddress() != null));
        count(erased, DataCategory.ACCOUNT_CREDENTIALS, customer.account() != null ? 1 : 0);
        count(erased, DataCategory.MARKETING_PREFERENCES, customer.marketingPreferences().size());
        count(erased, DataCategory.PURCHASE_HISTORY, customer.orders().size() - kept.size());

        List<Withheld> withheld = kept.stream().map(StorefrontErasure::keptUntil).distinct().sorted()
                .map(until -> new Withheld(DataCategory.PURCHASE_HISTORY, WithheldReason.LEGAL_OBLIGATION, until))
                .toList();
        Answer answer = new Answer(requestId,
                erased.entrySet().stream().map(entry -> new Erased(entry.getKey(), entry.getValue())).toList(),
                withheld, now);

        List<Answer> answers = new ArrayList<>(customer.erased() ? customer.erasure().answers() : List.of());
        answers.add(answer);
        Instant erasedAt = customer.erased() ? customer.erasure().erasedAt() : now;
        Customer remaining = new Customer(customer.subjectId(), null, null, null, null, List.of(), null,
                kept.stream().map(Order::withoutNameAndAddresses).toList(), List.of(),
                new Erasure(erasedAt, answers));
        return new Outcome(remaining, answer);
    }

    /** The day an order's tax record goes: six years after its order date (UTC). */
    public static LocalDate keptUntil(Order order) {
        return order.placedAt().atZone(ZoneOffset.UTC).toLocalDate().plusYears(ORDER_RETENTION_YEARS);
    }

    /** An erased customer without the order records whose six years have passed; others unchanged. */
    public static Customer withoutExpiredOrders(Customer customer, LocalDate today) {
        if (!customer.erased()) {
            return customer;
        }
        List<Order> kept = customer.orders().stream().filter(order -> keptUntil(order).isAfter(today)).toList();
        return kept.size() == customer.orders().size() ? customer
                : new Customer(customer.subjectId(), null, null, null, null, List.of(), null, kept, List.of(),
                customer.erasure());
    }

    private static long countOrders(Customer customer, Predicate<Order> matching) {
        return customer.orders().stream().filter(Objects::nonNull).filter(matching).count();
    }

    private static void count(Map<DataCategory, Long> erased, DataCategory category, long count) {
        if (count > 0) {
            erased.merge(category, count, Long::sum);
        }
    }
}
