package com.justelegance.privacy.dsr.messaging;

import com.justelegance.privacy.dsr.service.CaseErasures;
import com.justelegance.privacy.kit.inbox.EventBatchProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every event this service consumes, a polled batch at a time through the kit's idempotent inbox: erasure receipts
 * close the erasure requests its cases made.
 */
@ApplicationScoped
public class DsrEventsConsumer {

    static final String ERASURE_RECEIPTS = "erasure-receipts";

    private final EventBatchProcessor processor;
    private final CaseErasures erasures;

    public DsrEventsConsumer(EventBatchProcessor processor, CaseErasures erasures) {
        this.processor = processor;
        this.erasures = erasures;
    }

    @Incoming(ERASURE_RECEIPTS)
    @Blocking
    public void erasureReceipts(ConsumerRecords<String, String> records) {
        processor.process(ERASURE_RECEIPTS, records, erasures::recordReceipts);
    }
}
