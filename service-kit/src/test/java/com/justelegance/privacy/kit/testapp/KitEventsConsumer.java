package com.justelegance.privacy.kit.testapp;

import com.justelegance.privacy.kit.erasure.ErasureProtocol;
import com.justelegance.privacy.kit.erasure.ErasureReceipts;
import com.justelegance.privacy.kit.inbox.EventBatchProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The test application's erasure channels, laid out as every service lays them out: erasure requests to the kit's
 * erasure protocol, receipts to the kit's receipt tracking.
 */
@ApplicationScoped
public class KitEventsConsumer {

    static final String ERASURE_REQUESTS = "erasure-requests";
    static final String ERASURE_RECEIPTS = "erasure-receipts";

    private final EventBatchProcessor processor;
    private final ErasureProtocol erasure;
    private final ErasureReceipts receipts;

    public KitEventsConsumer(EventBatchProcessor processor, ErasureProtocol erasure, ErasureReceipts receipts) {
        this.processor = processor;
        this.erasure = erasure;
        this.receipts = receipts;
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
