package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.ProcessingRestricted;
import com.justelegance.privacy.events.ProcessingRestrictionLifted;
import com.justelegance.privacy.events.RectificationRequested;
import com.justelegance.privacy.events.SubjectRequestOpened;
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
import com.justelegance.privacy.events.codes.SubjectRequestType;

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
        return consentChanged(subject, purpose, state, at, ConsentSource.ACCOUNT_SETTINGS);
    }

    /** A consent change collected at {@code source}: the storefront's settings, or a data-subject request. */
    static EventEnvelope<ConsentChanged> consentChanged(String subject, String purpose, ConsentState state,
                                                        Instant at, ConsentSource source) {
        return EventEnvelope.create(subject, "consent-service", at, new ConsentChanged(UUID.randomUUID().toString(),
                purpose, Channel.SOCIAL_MEDIA, state, LawfulBasis.CONSENT, "2026-11", source, ConsentMethod.SAVE, at));
    }

    static EventEnvelope<ErasureRequested> erasureRequested(String subject, String requestId) {
        return EventEnvelope.create(subject, "dsr-service", Instant.now(),
                new ErasureRequested(requestId, ErasureReason.DATA_SUBJECT_REQUEST, "dsr-service"));
    }

    static EventEnvelope<ProcessingRestricted> processingRestricted(String subject, String requestId) {
        return EventEnvelope.create(subject, "dsr-service", Instant.now(), new ProcessingRestricted(requestId));
    }

    static EventEnvelope<ProcessingRestrictionLifted> restrictionLifted(String subject, String requestId) {
        return EventEnvelope.create(subject, "dsr-service", Instant.now(), new ProcessingRestrictionLifted(requestId));
    }

    static EventEnvelope<SubjectRequestOpened> subjectRequestOpened(String subject, String requestId) {
        return EventEnvelope.create(subject, "dsr-service", Instant.now(),
                new SubjectRequestOpened(requestId, SubjectRequestType.RESTRICTION));
    }

    static EventEnvelope<RectificationRequested> rectificationRequested(String subject, String requestId,
                                                                        List<DataCategory> categories) {
        return EventEnvelope.create(subject, "dsr-service", Instant.now(),
                new RectificationRequested(requestId, new ArrayList<>(categories)));
    }
}
