package com.justelegance.privacy.events.codes;

/** Where an order was placed. Marketplace channels mean the marketplace also received the customer's data. */
public enum SalesChannel {
    WEBSITE,
    MOBILE_APP,
    TELEPHONE,
    CLICK_AND_COLLECT,
    AMAZON,
    EBAY
}
