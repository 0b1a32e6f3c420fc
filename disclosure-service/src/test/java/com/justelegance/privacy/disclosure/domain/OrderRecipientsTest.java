package com.justelegance.privacy.disclosure.domain;

import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

/** An order reaches its courier, its payment provider and, when placed on a marketplace, the marketplace. */
class OrderRecipientsTest {

    @Test
    void aWebsiteOrderReachesItsCourierAndPaymentProvider() {
        assertThat(OrderRecipients.of(new OrderPlaced("ord-1", SalesChannel.WEBSITE, Courier.DPD,
                PaymentProvider.WORLDPAY)), contains("DPD", "WORLDPAY"));
    }

    @Test
    void aMarketplaceOrderReachesTheMarketplaceButNoProviderWhenTheMarketplaceTookPayment() {
        assertThat(OrderRecipients.of(new OrderPlaced("ord-1", SalesChannel.AMAZON, Courier.ROYAL_MAIL, null)),
                contains("ROYAL_MAIL", "AMAZON"));
        assertThat(OrderRecipients.of(new OrderPlaced("ord-1", SalesChannel.EBAY, Courier.PARCELFORCE,
                PaymentProvider.PAYPAL)), contains("PARCELFORCE", "PAYPAL", "EBAY"));
    }

    @Test
    void clickAndCollectHasNoCourier() {
        assertThat(OrderRecipients.of(new OrderPlaced("ord-1", SalesChannel.CLICK_AND_COLLECT, null,
                PaymentProvider.WORLDPAY)), contains("WORLDPAY"));
        assertThat(OrderRecipients.of(new OrderPlaced("ord-1", SalesChannel.TELEPHONE, null, null)), empty());
    }
}
