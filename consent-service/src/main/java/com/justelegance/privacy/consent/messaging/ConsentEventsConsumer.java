package com.justelegance.privacy.consent.messaging;

import com.justelegance.privacy.consent.service.SoftOptIns;
import com.justelegance.privacy.kit.erasure.ErasureProtocol;
import com.justelegance.privacy.kit.inbox.EventBatchProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every event this service consumes, a polled batch at a time through the kit's idempotent inbox: the storefront's
 * order ids, which soft opt-ins must name, and erasure requests from dsr-service and retention-service.
 */
@ApplicationScoped
public class ConsentEventsConsumer {

    static final String STOREFRONT_ACTIVITY = "storefront-activity";
    static final String ERASURE_REQUESTS = "erasure-requests";

    private final EventBatchProcessor processor;
    private final SoftOptIns softOptIns;
    private final ErasureProtocol erasure;

    public ConsentEventsConsumer(EventBatchProcessor processor, SoftOptIns softOptIns, ErasureProtocol erasure) {
        this.processor = processor;
        this.softOptIns = softOptIns;
        this.erasure = erasure;
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
}
