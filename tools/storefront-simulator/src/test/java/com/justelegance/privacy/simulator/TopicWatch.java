package com.justelegance.privacy.simulator;

import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Watches one topic of the test broker from its end at the moment it is opened, so a test can open it, act, and
 * read what its action produced; and sends raw records as a producer elsewhere would.
 */
final class TopicWatch implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicWatch(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStorefront.bootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // the end as it is now, before the test acts
    }

    static TopicWatch open(String topic) {
        return new TopicWatch(topic);
    }

    /** Waits for a record matching the predicate. */
    ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> matching) {
        return await().atMost(Duration.ofSeconds(45)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return seen.stream().filter(matching).findFirst().orElse(null);
        }, found -> found != null);
    }

    /** Waits for at least {@code count} events matching the predicate, decoded. */
    List<EventEnvelope<?>> awaitEvents(Predicate<EventEnvelope<?>> matching, int count) {
        return await().atMost(Duration.ofSeconds(45)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return events(matching);
        }, events -> events.size() >= count);
    }

    /** Every matching event that arrives within the given time, on top of those seen already. */
    List<EventEnvelope<?>> eventsWithin(Duration settle, Predicate<EventEnvelope<?>> matching) {
        long until = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < until) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        return events(matching);
    }

    private List<EventEnvelope<?>> events(Predicate<EventEnvelope<?>> matching) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : seen) {
            try {
                EventEnvelope<?> event = EventCodec.decode(record.value());
                if (matching.test(event)) {
                    events.add(event);
                }
            } catch (RuntimeException notAnEvent) {
                // another test's poison record
            }
        }
        return events;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Sends a record as it is, and waits for the broker to take it. */
    static void send(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStorefront.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The test broker did not take the record", e);
        }
    }

    /** Sends an event keyed by its subject. */
    static void send(EventEnvelope<?> event) {
        send(event.topic(), event.subjectId(), EventCodec.encode(event));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
