package com.justelegance.privacy.retention;

import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.CustomerContacted;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.ProcessingRestricted;
import com.justelegance.privacy.events.ProcessingRestrictionLifted;
import com.justelegance.privacy.events.SubjectRequestClosed;
import com.justelegance.privacy.events.SubjectRequestOpened;
import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.events.codes.ComplaintStatus;
import com.justelegance.privacy.events.codes.ConsentMethod;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.ContactChannel;
import com.justelegance.privacy.events.codes.ContactReason;
import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;
import com.justelegance.privacy.events.codes.SubjectRequestType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Events as the storefront, consent-service and dsr-service send them, for fresh subjects the tests make up. */
final class RetentionEvents {

    private RetentionEvents() {
    }

    static String newSubject() {
        return "cust-" + UUID.randomUUID();
    }

    static Instant yearsAfter(Instant instant, int years) {
        return instant.atZone(ZoneOffset.UTC).plusYears(years).toInstant();
    }

    static EventEnvelope<OrderPlaced> order(String subject, Instant at) {
        return EventEnvelope.create(subject, "storefront", at, new OrderPlaced("ord-" + UUID.randomUUID(),
                SalesChannel.WEBSITE, Courier.ROYAL_MAIL, PaymentProvider.WORLDPAY));
    }

    static EventEnvelope<ConsentChanged> consentChanged(String subject, Instant at) {
        return EventEnvelope.create(subject, "consent-service", at, new ConsentChanged(UUID.randomUUID().toString(),
                "EMAIL_MARKETING", Channel.EMAIL, ConsentState.GRANTED, LawfulBasis.CONSENT, "2026-11",
                ConsentSource.CHECKOUT, ConsentMethod.ACCEPT, at));
    }

    static EventEnvelope<CustomerContacted> contact(String subject, Instant at) {
        return complaint(subject, at, ComplaintStatus.NONE, null);
    }

    static EventEnvelope<CustomerContacted> complaint(String subject, Instant at, ComplaintStatus status,
                                                      String complaintId) {
        return EventEnvelope.create(subject, "storefront", at, new CustomerContacted("cc-" + UUID.randomUUID(),
                ContactChannel.PHONE, status == ComplaintStatus.NONE ? ContactReason.ORDER_QUERY
                : ContactReason.COMPLAINT, status, complaintId));
    }

    static EventEnvelope<SubjectRequestOpened> requestOpened(String subject, Instant at, String requestId) {
        return EventEnvelope.create(subject, "dsr-service", at,
                new SubjectRequestOpened(requestId, SubjectRequestType.ACCESS));
    }

    static EventEnvelope<SubjectRequestClosed> requestClosed(String subject, Instant at, String requestId) {
        return EventEnvelope.create(subject, "dsr-service", at, new SubjectRequestClosed(requestId));
    }

    static EventEnvelope<ProcessingRestricted> restricted(String subject, Instant at, String requestId) {
        return EventEnvelope.create(subject, "dsr-service", at, new ProcessingRestricted(requestId));
    }

    static EventEnvelope<ProcessingRestrictionLifted> restrictionLifted(String subject, Instant at,
                                                                        String requestId) {
        return EventEnvelope.create(subject, "dsr-service", at, new ProcessingRestrictionLifted(requestId));
    }
}
