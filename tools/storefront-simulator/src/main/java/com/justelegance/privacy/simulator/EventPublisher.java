package com.justelegance.privacy.simulator;

import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Sends events as the storefront must: JSON envelopes keyed by subject id, acknowledged by all replicas. */
final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final AtomicLong failures = new AtomicLong();

    EventPublisher(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "storefront-simulator",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    void publish(EventEnvelope<?> event) {
        producer.send(new ProducerRecord<>(event.topic(), event.subjectId(), EventCodec.encode(event)),
                (metadata, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                    }
                });
    }

    /** Waits until every event sent so far is acknowledged; returns how many could not be delivered. */
    long flush() {
        producer.flush();
        return failures.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
