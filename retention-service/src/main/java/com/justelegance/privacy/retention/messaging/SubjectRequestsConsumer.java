package com.justelegance.privacy.retention.messaging;

import com.justelegance.privacy.kit.inbox.EventBatchProcessor;
import com.justelegance.privacy.retention.service.HoldService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Follows which subjects have a data-subject request open at dsr-service: none of them is purged meanwhile. */
@ApplicationScoped
public class SubjectRequestsConsumer {

    private final EventBatchProcessor processor;
    private final HoldService holds;

    public SubjectRequestsConsumer(EventBatchProcessor processor, HoldService holds) {
        this.processor = processor;
        this.holds = holds;
    }

    @Incoming("subject-requests")
    @Blocking
    public void subjectRequests(ConsumerRecords<String, String> records) {
        processor.process("subject-requests", records, holds::recordSubjectRequests);
    }
}
