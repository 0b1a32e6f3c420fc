package com.justelegance.privacy.retention.messaging;

import com.justelegance.privacy.kit.inbox.EventBatchProcessor;
import com.justelegance.privacy.retention.service.ErasureService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Erasure requests, whoever sent them (dsr-service, or this service's purge), erase the subject's timeline here;
 * erasure receipts from every service close the erasures this service requested.
 */
@ApplicationScoped
public class ErasureEventsConsumer {

    private final EventBatchProcessor processor;
    private final ErasureService erasures;

    public ErasureEventsConsumer(EventBatchProcessor processor, ErasureService erasures) {
        this.processor = processor;
        this.erasures = erasures;
    }

    @Incoming("erasure-requests")
    @Blocking
    public void erasureRequests(ConsumerRecords<String, String> records) {
        processor.process("erasure-requests", records, erasures::eraseSubjects);
    }

    @Incoming("erasure-receipts")
    @Blocking
    public void erasureReceipts(ConsumerRecords<String, String> records) {
        processor.process("erasure-receipts", records, erasures::recordReceipts);
    }
}
