package com.justelegance.privacy.simulator.datasource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.events.codes.SalesChannel;
import com.justelegance.privacy.simulator.customers.Customer;
import com.justelegance.privacy.simulator.customers.StorefrontErasure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code GET /data-source/v1/subjects/{subjectId}/data}: everything the storefront holds about one
 * person, grouped as {@link DataGroup} says, each group with its policy facts. An erased customer's answer has
 * only the orders kept for tax (without name or addresses) and when the erasure happened.
 *
 * @param holder    the system answering: {@code storefront}
 * @param erasedAt  when the customer was erased, absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubjectData(String subjectId, String holder, Instant erasedAt, List<Group> categories) {

    static final String HOLDER = "storefront";

    /** One group of data with what the policy says of it. */
    record Group(String category, String purpose, List<LawfulBasis> lawfulBasis, String retention, String source,
                 List<DataCategory> dataCategories, Object data) {

        static Group of(DataGroup group, Object data) {
            return new Group(group.code, group.purpose, group.lawfulBasis, group.retention, group.source,
                    group.dataCategories, data);
        }
    }

    /** An order as answered: the stored order and, once only its tax record is left, the day that goes too. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderData(String orderId, Instant placedAt, SalesChannel salesChannel, List<Customer.OrderItem> items,
                     BigDecimal deliveryCharge, BigDecimal total, String currency, String recipientName,
                     Customer.Address deliveryAddress, Customer.Address invoiceAddress,
                     boolean nameAndAddressesRemoved, LocalDate keptUntil) {

        static OrderData of(Customer.Order order) {
            return new OrderData(order.orderId(), order.placedAt(), order.salesChannel(), order.items(),
                    order.deliveryCharge(), order.total(), order.currency(), order.recipientName(),
                    order.deliveryAddress(), order.invoiceAddress(), order.nameAndAddressesRemoved(),
                    order.nameAndAddressesRemoved() ? StorefrontErasure.keptUntil(order) : null);
        }
    }

    /** What the storefront answers for a customer; empty when it holds nothing (an erasure kept no order). */
    static Optional<SubjectData> of(Customer customer) {
        List<OrderData> orders = customer.orders().stream().map(OrderData::of).toList();
        if (customer.erased()) {
            return orders.isEmpty() ? Optional.empty() : Optional.of(new SubjectData(customer.subjectId(), HOLDER,
                    customer.erasure().erasedAt(), List.of(Group.of(DataGroup.ORDERS, orders))));
        }
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("customerNumber", customer.customerNumber());
        identity.put("name", customer.name());
        identity.put("account", customer.account());
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("email", customer.email());
        contact.put("phone", customer.phone());

        List<Group> groups = new ArrayList<>();
        groups.add(Group.of(DataGroup.IDENTITY, identity));
        groups.add(Group.of(DataGroup.CONTACT, contact));
        groups.add(Group.of(DataGroup.ADDRESSES, customer.addresses()));
        groups.add(Group.of(DataGroup.ORDERS, orders));
        groups.add(Group.of(DataGroup.PREFERENCES, customer.marketingPreferences()));
        return Optional.of(new SubjectData(customer.subjectId(), HOLDER, null, groups));
    }
}
