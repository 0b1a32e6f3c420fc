package com.justelegance.privacy.retention.messaging;

import com.justelegance.privacy.kit.erasure.ErasureProtocol;
import com.justelegance.privacy.kit.erasure.ErasureReceipts;
import com.justelegance.privacy.kit.inbox.EventBatchProcessor;
import com.justelegance.privacy.retention.service.Holds;
import com.justelegance.privacy.retention.service.Timelines;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every event this service consumes, a polled batch at a time through the kit's idempotent inbox: storefront
 * activity and consent changes move subjects' timelines, contact-centre complaints, dsr-service's open requests and
 * its restrictions of processing hold subjects, erasure requests go to the kit's erasure protocol (which calls this service's SubjectErasure), and
 * receipts close the erasures this service's purge requested.
 */
@ApplicationScoped
public class RetentionEventsConsumer {

    static final String STOREFRONT_ACTIVITY = "storefront-activity";
    static final String CONSENT_CHANGES = "consent-changes";
    static final String SUBJECT_REQUESTS = "subject-requests";
    static final String ERASURE_REQUESTS = "erasure-requests";
    static final String ERASURE_RECEIPTS = "erasure-receipts";

    private final EventBatchProcessor processor;
    private final Timelines timelines;
    private final Holds holds;
    private final ErasureProtocol erasure;
    private final ErasureReceipts receipts;

    public RetentionEventsConsumer(EventBatchProcessor processor, Timelines timelines, Holds holds,
                                   ErasureProtocol erasure, ErasureReceipts receipts) {
        this.processor = processor;
        this.timelines = timelines;
        this.holds = holds;
        this.erasure = erasure;
        this.receipts = receipts;
    }

    @Incoming(STOREFRONT_ACTIVITY)
    @Blocking
    public void storefrontActivity(ConsumerRecords<String, String> records) {
        processor.process(STOREFRONT_ACTIVITY, records, events -> {
            timelines.recordContacts(events);
            holds.recordComplaints(events);
        });
    }

    @Incoming(CONSENT_CHANGES)
    @Blocking
    public void consentChanges(ConsumerRecords<String, String> records) {
        processor.process(CONSENT_CHANGES, records, timelines::recordContacts);
    }

    @Incoming(SUBJECT_REQUESTS)
    @Blocking
    public void subjectRequests(ConsumerRecords<String, String> records) {
        processor.process(SUBJECT_REQUESTS, records, holds::recordSubjectRequests);
    }

    @Incoming(ERASURE_REQUESTS)
    @Blocking
    public void erasureRequests(ConsumerRecords<String, String> records) {
        processor.process(ERASURE_REQUESTS, records, erasure::eraseRequested);
    }

    @Incoming(ERASURE_RECEIPTS)
    @Blocking
    public void erasureReceipts(ConsumerRecords<String, String> records) {
        processor.process(ERASURE_RECEIPTS, records, receipts::recordReceipts);
    }
}
