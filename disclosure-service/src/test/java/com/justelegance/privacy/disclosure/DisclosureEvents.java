package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.RectificationRequested;
import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.events.codes.ConsentMethod;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The events other systems send this service, as the tests send them: fresh ids, a fresh subject each time. */
final class DisclosureEvents {

    static final Instant NOV_24 = Instant.parse("2026-11-24T10:15:00Z");

    private DisclosureEvents() {
    }

    static String newSubject() {
        return "cust-" + UUID.randomUUID();
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static EventEnvelope<OrderPlaced> orderPlaced(String subject, String orderId, SalesChannel channel,
                                                  Courier courier, PaymentProvider provider) {
        return EventEnvelope.create(subject, "storefront", NOV_24,
                new OrderPlaced(orderId, channel, courier, provider));
    }

    static EventEnvelope<ConsentChanged> consentChanged(String subject, String purpose, ConsentState state,
                                                        Instant at) {
        return EventEnvelope.create(subject, "consent-service", at, new ConsentChanged(UUID.randomUUID().toString(),
                purpose, Channel.SOCIAL_MEDIA, state, LawfulBasis.CONSENT, "2026-11", ConsentSource.ACCOUNT_SETTINGS,
                ConsentMethod.SAVE, at));
    }

    static EventEnvelope<ErasureRequested> erasureRequested(String subject, String requestId) {
        return EventEnvelope.create(subject, "dsr-service", Instant.now(),
                new ErasureRequested(requestId, ErasureReason.DATA_SUBJECT_REQUEST, "dsr-service"));
    }

    static EventEnvelope<RectificationRequested> rectificationRequested(String subject, String requestId,
                                                                        List<DataCategory> categories) {
        return EventEnvelope.create(subject, "dsr-service", Instant.now(),
                new RectificationRequested(requestId, new ArrayList<>(categories)));
    }
}
