package com.justelegance.privacy.consent.messaging;

import com.justelegance.privacy.consent.service.SoftOptIns;
import com.justelegance.privacy.kit.inbox.EventBatchProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Learns the storefront's order ids, which soft opt-ins must name, a polled batch at a time. */
@ApplicationScoped
public class StorefrontActivityConsumer {

    static final String CHANNEL = "storefront-activity";

    private final EventBatchProcessor processor;
    private final SoftOptIns softOptIns;

    public StorefrontActivityConsumer(EventBatchProcessor processor, SoftOptIns softOptIns) {
        this.processor = processor;
        this.softOptIns = softOptIns;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void storefrontActivity(ConsumerRecords<String, String> records) {
        processor.process(CHANNEL, records, softOptIns::ordersPlaced);
    }
}
