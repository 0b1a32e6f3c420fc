package com.justelegance.privacy.consent.messaging;

import com.justelegance.privacy.consent.service.ProcessingRestrictions;
import com.justelegance.privacy.consent.service.SoftOptIns;
import com.justelegance.privacy.kit.erasure.ErasureProtocol;
import com.justelegance.privacy.kit.inbox.EventBatchProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every event this service consumes, a polled batch at a time through the kit's idempotent inbox: the storefront's
 * order ids, which soft opt-ins must name, erasure requests from dsr-service and retention-service, and dsr-service's
 * restrictions of processing (Art. 18) and their lifting.
 */
@ApplicationScoped
public class ConsentEventsConsumer {

    static final String STOREFRONT_ACTIVITY = "storefront-activity";
    static final String ERASURE_REQUESTS = "erasure-requests";
    static final String SUBJECT_REQUESTS = "subject-requests";

    private final EventBatchProcessor processor;
    private final SoftOptIns softOptIns;
    private final ErasureProtocol erasure;
    private final ProcessingRestrictions restrictions;

    public ConsentEventsConsumer(EventBatchProcessor processor, SoftOptIns softOptIns, ErasureProtocol erasure,
                                 ProcessingRestrictions restrictions) {
        this.processor = processor;
        this.softOptIns = softOptIns;
        this.erasure = erasure;
        this.restrictions = restrictions;
    }

    @Incoming(STOREFRONT_ACTIVITY)
    @Blocking
    public void storefrontActivity(ConsumerRecords<String, String> records) {
        processor.process(STOREFRONT_ACTIVITY, records, softOptIns::ordersPlaced);
    }

    @Incoming(ERASURE_REQUESTS)
    @Blocking
    public void erasureRequests(ConsumerRecords<String, String> records) {
        processor.process(ERASURE_REQUESTS, records, erasure::eraseRequested);
    }

    @Incoming(SUBJECT_REQUESTS)
    @Blocking
    public void subjectRequests(ConsumerRecords<String, String> records) {
        processor.process(SUBJECT_REQUESTS, records, restrictions::apply);
    }
}
