package com.justelegance.privacy.disclosure.domain;

import com.justelegance.privacy.events.OrderPlaced;

import java.util.ArrayList;
import java.util.List;

/**
 * Which registered recipients an order's data went to: its courier, its payment provider and, for an order placed
 * on a marketplace, the marketplace. Recipient codes equal the event's code names.
 */
public final class OrderRecipients {

    private OrderRecipients() {
    }

    public static List<String> of(OrderPlaced order) {
        List<String> recipients = new ArrayList<>(3);
        if (order.courier() != null) {
            recipients.add(order.courier().name());
        }
        if (order.paymentProvider() != null) {
            recipients.add(order.paymentProvider().name());
        }
        switch (order.salesChannel()) {
            case AMAZON -> recipients.add("AMAZON");
            case EBAY -> recipients.add("EBAY");
            case WEBSITE, MOBILE_APP, TELEPHONE, CLICK_AND_COLLECT -> {
            }
        }
        return recipients;
    }
}
