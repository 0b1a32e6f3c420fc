package com.justelegance.privacy.disclosure.messaging;

import com.justelegance.privacy.disclosure.service.DisclosureLedger;
import com.justelegance.privacy.disclosure.service.RecipientNotices;
import com.justelegance.privacy.disclosure.service.SharingGate;
import com.justelegance.privacy.disclosure.service.SubjectErasure;
import com.justelegance.privacy.kit.inbox.EventBatchProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the service from Kafka, a polled batch at a time through the idempotent inbox: orders into the ledger,
 * consent changes into the sharing projection, erasure and rectification requests into Art. 19 notices.
 */
@ApplicationScoped
public class DisclosureEventsConsumer {

    private final EventBatchProcessor processor;
    private final DisclosureLedger ledger;
    private final SharingGate sharing;
    private final SubjectErasure erasure;
    private final RecipientNotices notices;

    public DisclosureEventsConsumer(EventBatchProcessor processor, DisclosureLedger ledger, SharingGate sharing,
                                    SubjectErasure erasure, RecipientNotices notices) {
        this.processor = processor;
        this.ledger = ledger;
        this.sharing = sharing;
        this.erasure = erasure;
        this.notices = notices;
    }

    @Incoming("storefront-activity")
    @Blocking
    public void storefrontActivity(ConsumerRecords<String, String> records) {
        processor.process("storefront-activity", records, ledger::recordOrders);
    }

    @Incoming("consent-changes")
    @Blocking
    public void consentChanges(ConsumerRecords<String, String> records) {
        processor.process("consent-changes", records, sharing::applyConsentChanges);
    }

    @Incoming("erasure-requests")
    @Blocking
    public void erasureRequests(ConsumerRecords<String, String> records) {
        processor.process("erasure-requests", records, erasure::eraseAll);
    }

    @Incoming("rectification-requests")
    @Blocking
    public void rectificationRequests(ConsumerRecords<String, String> records) {
        processor.process("rectification-requests", records, notices::noticeRectifications);
    }
}
