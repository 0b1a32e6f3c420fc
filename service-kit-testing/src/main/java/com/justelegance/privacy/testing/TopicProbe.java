package com.justelegance.privacy.testing;

import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Watches one topic of the test broker from the moment it is opened, so a test can open a probe, act, and await
 * the records its action produced:
 *
 * <pre>
 * try (TopicProbe consents = TopicProbe.open(Topics.CONSENT)) {
 *     ... act ...
 *     EventEnvelope&lt;?&gt; event = consents.awaitEvent(e -&gt; e.subjectId().equals(subject));
 * }
 * </pre>
 */
public final class TopicProbe implements AutoCloseable {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicProbe(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test acts
    }

    /** Starts watching the topic from its current end. */
    public static TopicProbe open(String topic) {
        return new TopicProbe(topic);
    }

    /** Waits for a record matching the predicate and returns it. */
    public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> matching) {
        return await().atMost(DEFAULT_WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> pollFor(matching), found -> found != null);
    }

    /** Waits for an event matching the predicate and returns it decoded. */
    public EventEnvelope<?> awaitEvent(Predicate<EventEnvelope<?>> matching) {
        ConsumerRecord<String, String> record = awaitRecord(r -> decodes(r) && matching.test(EventCodec.decode(r.value())));
        return EventCodec.decode(record.value());
    }

    /** Every record seen so far, after reading whatever has arrived in the last moment. */
    public List<ConsumerRecord<String, String>> drain(Duration settle) {
        long until = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < until) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /** A record's header as text, e.g. a dead-letter reason; null when the record has no such header. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private ConsumerRecord<String, String> pollFor(Predicate<ConsumerRecord<String, String>> matching) {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        return seen.stream().filter(matching).findFirst().orElse(null);
    }

    private static boolean decodes(ConsumerRecord<String, String> record) {
        try {
            EventCodec.decode(record.value());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
