package com.justelegance.privacy.disclosure.messaging;

import com.justelegance.privacy.disclosure.service.DisclosureLedger;
import com.justelegance.privacy.disclosure.service.RecipientNotices;
import com.justelegance.privacy.disclosure.service.Restrictions;
import com.justelegance.privacy.disclosure.service.SharingGate;
import com.justelegance.privacy.kit.erasure.ErasureProtocol;
import com.justelegance.privacy.kit.inbox.EventBatchProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every event this service consumes, a polled batch at a time through the kit's idempotent inbox: orders into the
 * ledger, consent changes into the sharing projection (and removal notices), rectification requests into Art. 19
 * notices, restrictions of processing into the sharing gate (and restriction notices), and erasure requests to the
 * kit's erasure protocol (which calls this service's SubjectErasure).
 */
@ApplicationScoped
public class DisclosureEventsConsumer {

    static final String STOREFRONT_ACTIVITY = "storefront-activity";
    static final String CONSENT_CHANGES = "consent-changes";
    static final String ERASURE_REQUESTS = "erasure-requests";
    static final String RECTIFICATION_REQUESTS = "rectification-requests";
    static final String SUBJECT_REQUESTS = "subject-requests";

    private final EventBatchProcessor processor;
    private final DisclosureLedger ledger;
    private final SharingGate sharing;
    private final ErasureProtocol erasure;
    private final RecipientNotices notices;
    private final Restrictions restrictions;

    public DisclosureEventsConsumer(EventBatchProcessor processor, DisclosureLedger ledger, SharingGate sharing,
                                    ErasureProtocol erasure, RecipientNotices notices, Restrictions restrictions) {
        this.processor = processor;
        this.ledger = ledger;
        this.sharing = sharing;
        this.erasure = erasure;
        this.notices = notices;
        this.restrictions = restrictions;
    }

    @Incoming(STOREFRONT_ACTIVITY)
    @Blocking
    public void storefrontActivity(ConsumerRecords<String, String> records) {
        processor.process(STOREFRONT_ACTIVITY, records, ledger::recordOrders);
    }

    @Incoming(CONSENT_CHANGES)
    @Blocking
    public void consentChanges(ConsumerRecords<String, String> records) {
        processor.process(CONSENT_CHANGES, records, sharing::applyConsentChanges);
    }

    @Incoming(ERASURE_REQUESTS)
    @Blocking
    public void erasureRequests(ConsumerRecords<String, String> records) {
        processor.process(ERASURE_REQUESTS, records, erasure::eraseRequested);
    }

    @Incoming(RECTIFICATION_REQUESTS)
    @Blocking
    public void rectificationRequests(ConsumerRecords<String, String> records) {
        processor.process(RECTIFICATION_REQUESTS, records, notices::noticeRectifications);
    }

    @Incoming(SUBJECT_REQUESTS)
    @Blocking
    public void subjectRequests(ConsumerRecords<String, String> records) {
        processor.process(SUBJECT_REQUESTS, records, restrictions::recordRestrictions);
    }
}
