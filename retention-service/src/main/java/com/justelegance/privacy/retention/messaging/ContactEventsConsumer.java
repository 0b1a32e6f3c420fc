package com.justelegance.privacy.retention.messaging;

import com.justelegance.privacy.kit.inbox.EventBatchProcessor;
import com.justelegance.privacy.retention.service.HoldService;
import com.justelegance.privacy.retention.service.TimelineService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds storefront activity and consent changes into subjects' timelines, and contact-centre complaints into
 * their holds, a polled batch at a time.
 */
@ApplicationScoped
public class ContactEventsConsumer {

    private final EventBatchProcessor processor;
    private final TimelineService timelines;
    private final HoldService holds;

    public ContactEventsConsumer(EventBatchProcessor processor, TimelineService timelines, HoldService holds) {
        this.processor = processor;
        this.timelines = timelines;
        this.holds = holds;
    }

    @Incoming("storefront-activity")
    @Blocking
    public void storefrontActivity(ConsumerRecords<String, String> records) {
        processor.process("storefront-activity", records, events -> {
            timelines.recordContacts(events);
            holds.recordComplaints(events);
        });
    }

    @Incoming("consent-changes")
    @Blocking
    public void consentChanges(ConsumerRecords<String, String> records) {
        processor.process("consent-changes", records, timelines::recordContacts);
    }
}
