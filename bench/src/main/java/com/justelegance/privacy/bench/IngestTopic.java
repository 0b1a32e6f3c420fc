package com.justelegance.privacy.bench;

import com.justelegance.privacy.events.CustomerContacted;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.EventPayload;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.ComplaintStatus;
import com.justelegance.privacy.events.codes.ContactChannel;
import com.justelegance.privacy.events.codes.ContactReason;
import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest benchmarks' topic: {@code storefront.activity.v1} emptied and preloaded with a given number of
 * {@code OrderPlaced} and {@code CustomerContacted} events, produced as the storefront produces them (the
 * shared-events envelope as {@link EventCodec} writes it, keyed by the subject's opaque id, {@code acks=all},
 * idempotent). The mix is fixed, so the rows each service must end with are known in advance ({@link Load}).
 *
 * <p>Three events in five are orders (channel, courier and payment provider varied, so an order reaches one, two
 * or three recipients), two in five are contact-centre contacts that are not complaints; each subject has about
 * five events, so per-subject upserts meet existing rows as they do in production.
 */
final class IngestTopic {

    static final String TOPIC = Topics.STOREFRONT_ACTIVITY;
    /** How many events share a subject, on average. */
    static final int EVENTS_PER_SUBJECT = 5;
    private static final Instant EPOCH = Instant.parse("2026-06-01T00:00:00Z");

    /** What was preloaded, and what the consumers must end with. */
    record Load(int events, int subjects, int orders, long disclosures) {
    }

    private IngestTopic() {
    }

    /**
     * Empties the topic (records deleted up to the end of every partition), forgets the given consumer groups so
     * they start again from the beginning, then produces {@code events} events and waits for the broker to have
     * every one of them.
     */
    static Load preload(String bootstrap, int events, Collection<String> groups) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            empty(admin);
            forgetGroups(admin, groups);
        }
        int subjects = Math.max(1, events / EVENTS_PER_SUBJECT);
        int orders = 0;
        long disclosures = 0;
        AtomicLong failures = new AtomicLong();
        try (KafkaProducer<String, String> producer = BenchSystem.storefrontProducer(bootstrap, "bench-ingest-preload",
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"))) {
            for (int i = 0; i < events; i++) {
                String subject = subject(i % subjects);
                EventPayload payload = payload(i);
                if (payload instanceof OrderPlaced order) {
                    orders++;
                    disclosures += recipients(order);
                }
                EventEnvelope<?> event = EventEnvelope.create(subject, "storefront",
                        EPOCH.minusSeconds(events - (long) i), payload);
                producer.send(new ProducerRecord<>(TOPIC, subject, EventCodec.encode(event)), (metadata, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                    }
                });
                if (i > 0 && i % 500_000 == 0) {
                    System.out.println("   produced " + i + " of " + events);
                }
            }
            producer.flush();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " events were not accepted by the broker");
        }
        return new Load(events, subjects, orders, disclosures);
    }

    /** Forgets consumer groups (they must have no members), so their next start reads the topic from the start. */
    static void forgetGroups(String bootstrap, Collection<String> groups) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            forgetGroups(admin, groups);
        }
    }

    static String subject(int n) {
        return "bench-i-" + n;
    }

    /** Event {@code i} of the mix: orders at 0, 1 and 2 of every five, contacts at 3 and 4. */
    static EventPayload payload(int i) {
        return payload("bench-", i);
    }

    /** As {@link #payload(int)}, with order and contact references starting with {@code prefix}. */
    static EventPayload payload(String prefix, int i) {
        int kind = i % 5;
        if (kind >= 3) {
            ContactChannel[] channels = ContactChannel.values();
            return new CustomerContacted(prefix + "contact-" + i, channels[i % channels.length],
                    kind == 3 ? ContactReason.ORDER_QUERY : ContactReason.RETURN_OR_REFUND, ComplaintStatus.NONE,
                    null);
        }
        // Website orders by Royal Mail and Worldpay most of the time; marketplaces, PayPal, DPD and collection
        // now and then, so an order reaches one, two or three recipients.
        int variant = (i / 5) % 10;
        return switch (variant) {
            case 7 -> new OrderPlaced(prefix + "order-" + i, SalesChannel.AMAZON, Courier.DPD, null);
            case 8 -> new OrderPlaced(prefix + "order-" + i, SalesChannel.CLICK_AND_COLLECT, null,
                    PaymentProvider.PAYPAL);
            case 9 -> new OrderPlaced(prefix + "order-" + i, SalesChannel.EBAY, Courier.PARCELFORCE,
                    PaymentProvider.PAYPAL);
            default -> new OrderPlaced(prefix + "order-" + i, SalesChannel.WEBSITE, Courier.ROYAL_MAIL,
                    PaymentProvider.WORLDPAY);
        };
    }

    /**
     * How many recipients disclosure-service records for an order: courier, payment provider, marketplace (its
     * OrderRecipients, restated here so that a change there shows as a failed count).
     */
    static int recipients(OrderPlaced order) {
        int n = (order.courier() != null ? 1 : 0) + (order.paymentProvider() != null ? 1 : 0);
        return n + (order.salesChannel() == SalesChannel.AMAZON || order.salesChannel() == SalesChannel.EBAY ? 1 : 0);
    }

    /**
     * Empties the topic once a benchmark is done with it: every service consumes the storefront's activity, so
     * events left on it would keep the next benchmark's services busy (consent-service read 420,000 of them during
     * the consent checks once).
     */
    static void empty(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            empty(admin);
        }
    }

    private static void empty(Admin admin) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC)
                .partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, offset) -> {
            if (offset.offset() > 0) {
                delete.put(partition, RecordsToDelete.beforeOffset(offset.offset()));
            }
        });
        if (!delete.isEmpty()) {
            admin.deleteRecords(delete).all().get();
        }
    }

    /** A stopped service's consumer may take a moment to leave its group; until then the group cannot go. */
    private static void forgetGroups(Admin admin, Collection<String> groups) throws Exception {
        for (String group : groups) {
            for (int attempt = 1; ; attempt++) {
                try {
                    admin.deleteConsumerGroups(List.of(group)).all().get();
                    break;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof GroupIdNotFoundException) {
                        break;
                    }
                    if (!(e.getCause() instanceof GroupNotEmptyException) || attempt == 60) {
                        throw e;
                    }
                    Thread.sleep(Duration.ofMillis(500));
                }
            }
        }
    }
}
