package com.justelegance.privacy.kit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.kit.KafkaConnection;
import com.justelegance.privacy.kit.KitConfig;
import com.justelegance.privacy.kit.problem.KitProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Anchors the audit chain outside the service's database: its entry count and head hash go to the topic
 * {@code privacy.audit-anchors.v1}, keyed by the chain's name, on a schedule (when the head moved) and on demand.
 * Whoever can change the database cannot take back what the broker holds, so verification finds a chain that lost
 * its newest entries ({@link AuditLog#verify}), which the hash chain alone cannot show.
 */
@ApplicationScoped
public class AuditAnchors {

    private final AuditLog auditLog;
    private final Producer<String, String> producer;
    private final Map<String, Object> consumerConfig = new HashMap<>();
    private final KitConfig.AuditAnchors config;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile AuditLog.Head lastAnchored;

    public AuditAnchors(AuditLog auditLog, Producer<String, String> producer,
                        @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, KitConfig kitConfig,
                        ObjectMapper json, Clock clock) {
        this.auditLog = auditLog;
        this.producer = producer;
        this.config = kitConfig.auditAnchors();
        this.json = json;
        this.clock = clock;
        consumerConfig.putAll(KafkaConnection.settings(kafkaConfig));
        int millis = (int) config.timeout().toMillis();
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-anchor-reader");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        consumerConfig.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    }

    /** Records the chain's current head on the anchor topic and waits until the broker has it. */
    public AuditAnchor anchor() {
        AuditLog.Head head = auditLog.head();
        AuditAnchor anchor = new AuditAnchor(config.chainName(), head.count(), head.hash(), clock.instant());
        try {
            producer.send(new ProducerRecord<>(Topics.AUDIT_ANCHORS, anchor.service(), json.writeValueAsString(anchor)))
                    .get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit anchor could not be written as JSON", e);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable("The audit chain could not be anchored: the broker did not acknowledge in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Anchoring the audit chain was interrupted");
        }
        lastAnchored = head;
        return anchor;
    }

    /** Anchors the chain when its head moved since this instance last anchored it. */
    @Scheduled(identity = "audit-anchor", every = "${privacy.kit.audit-anchors.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void anchorWhenMoved() {
        try {
            if (!auditLog.head().equals(lastAnchored)) {
                AuditAnchor anchor = anchor();
                Log.debugf("Audit chain anchored at %d entries", anchor.count());
            }
        } catch (RuntimeException e) {
            Log.warnf("Anchoring the audit chain failed (%s); the next round tries again",
                    e.getClass().getSimpleName());
        }
    }

    /** Every anchor recorded for this chain, oldest first. */
    public List<AuditAnchor> read() {
        Duration timeout = config.timeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<AuditAnchor> anchors = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT_ANCHORS, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw unavailable("The audit anchor topic " + Topics.AUDIT_ANCHORS + " does not exist");
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (partitions.stream()
                    .anyMatch(partition -> consumer.position(partition, timeout) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw unavailable("Reading the audit anchors took longer than " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (config.chainName().equals(record.key())) {
                        parse(record).ifPresent(anchors::add);
                    }
                }
            }
        } catch (KafkaException e) {
            throw unavailable("The audit anchors could not be read from the broker (" + e.getClass().getSimpleName()
                    + ")");
        }
        return anchors;
    }

    private Optional<AuditAnchor> parse(ConsumerRecord<String, String> record) {
        try {
            return Optional.of(json.readValue(record.value(), AuditAnchor.class));
        } catch (JsonProcessingException e) {
            Log.warnf("Skipping an unreadable audit anchor at %s-%d offset %d", record.topic(), record.partition(),
                    record.offset());
            return Optional.empty();
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(KitProblem.AUDIT_ANCHORS_UNAVAILABLE, detail);
    }
}
