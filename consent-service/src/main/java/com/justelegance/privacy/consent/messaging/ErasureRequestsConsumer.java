package com.justelegance.privacy.consent.messaging;

import com.justelegance.privacy.consent.service.SubjectErasure;
import com.justelegance.privacy.kit.inbox.EventBatchProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Erases subjects when dsr-service or retention-service asks, a polled batch at a time. */
@ApplicationScoped
public class ErasureRequestsConsumer {

    static final String CHANNEL = "erasure-requests";

    private final EventBatchProcessor processor;
    private final SubjectErasure erasure;

    public ErasureRequestsConsumer(EventBatchProcessor processor, SubjectErasure erasure) {
        this.processor = processor;
        this.erasure = erasure;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void erasureRequests(ConsumerRecords<String, String> records) {
        processor.process(CHANNEL, records, erasure::eraseRequested);
    }
}
