package com.justelegance.privacy.events;

import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;

/**
 * The storefront took an order. Tells retention the subject was in contact, and disclosure which third parties
 * received the customer's data for it.
 *
 * @param orderId         the storefront's opaque order id
 * @param salesChannel    where the order was placed; a marketplace channel means the marketplace got the data
 * @param courier         who delivers it, or null when nothing is shipped (click and collect)
 * @param paymentProvider who took payment, or null when the marketplace took it
 */
public record OrderPlaced(String orderId, SalesChannel salesChannel, Courier courier, PaymentProvider paymentProvider)
        implements EventPayload {

    public OrderPlaced {
        EventFieldRules.opaqueId(orderId, "orderId");
        EventFieldRules.required(salesChannel, "salesChannel");
    }
}
