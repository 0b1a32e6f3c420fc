package com.justelegance.privacy.kit.inbox;

import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.kit.KitConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Moves a record that cannot be applied to its topic's dead-letter topic, unchanged, with headers saying why and
 * where it came from. Waits for the broker's acknowledgement: the original offset is only committed once the
 * record is safe in the dead-letter topic.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String REASON_HEADER = "dead-letter-reason";
    public static final String CAUSE_HEADER = "dead-letter-cause";
    public static final String TOPIC_HEADER = "dead-letter-topic";
    public static final String PARTITION_HEADER = "dead-letter-partition";
    public static final String OFFSET_HEADER = "dead-letter-offset";
    public static final String CONSUMER_HEADER = "dead-letter-consumer";

    private final Producer<String, String> producer;
    private final Duration sendTimeout;
    private final MeterRegistry meters;
    private final String applicationName;

    public DeadLetterPublisher(Producer<String, String> producer, KitConfig config, MeterRegistry meters,
                               @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.producer = producer;
        this.sendTimeout = config.deadLetter().sendTimeout();
        this.meters = meters;
        this.applicationName = applicationName;
    }

    /**
     * @param reason why the record was refused; must not quote the record (it goes to logs and headers)
     * @param cause  the exception class that refused it
     */
    public void send(String consumer, ConsumerRecord<String, String> record, String reason, Class<?> cause) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        header(headers, REASON_HEADER, reason);
        header(headers, CAUSE_HEADER, cause.getName());
        header(headers, TOPIC_HEADER, record.topic());
        header(headers, PARTITION_HEADER, Integer.toString(record.partition()));
        header(headers, OFFSET_HEADER, Long.toString(record.offset()));
        // Channel names repeat across services; the header names both, e.g. retention-service/storefront-activity.
        header(headers, CONSUMER_HEADER, applicationName + "/" + consumer);
        String deadLetterTopic = Topics.deadLetterTopic(record.topic());
        try {
            producer.send(new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(), headers))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new TransientProcessingException("Could not publish to " + deadLetterTopic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientProcessingException("Interrupted while publishing to " + deadLetterTopic, e);
        }
        meters.counter("privacy.events.dead.lettered", "topic", record.topic()).increment();
        Log.warnf("Dead-lettered %s-%d@%d for %s: %s", record.topic(), record.partition(), record.offset(),
                consumer, reason);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
