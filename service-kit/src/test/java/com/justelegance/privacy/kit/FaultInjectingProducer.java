package com.justelegance.privacy.kit;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The kit's producer (built by {@link KafkaProducerFactory} against the test broker) with faults a test can switch
 * on, replacing the kit's producer bean in the kit's test application:
 * <ul>
 *   <li>{@link #brokerDown()}: every record goes to a real Kafka producer whose bootstrap address has no broker, so
 *       each send fails as it does when the broker is unreachable; {@link #brokerBack()} ends that.</li>
 *   <li>{@link #failDeliveryOf(String)}: a record whose value contains the marker (an event id) is not sent, and
 *       its send fails a moment later with the error an expired batch reports, after the records sent behind it
 *       have been acknowledged: the worst case for order.</li>
 * </ul>
 * We cannot stop the shared test broker, and a second broker would cost more than it proves.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FaultInjectingProducer implements Producer<String, String> {

    private static final Duration LATE_FAILURE = Duration.ofMillis(300);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private Producer<String, String> broker;
    private Producer<String, String> unreachable;
    private volatile boolean down;
    private final Set<String> failingMarkers = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> sendingThreadsByKey = new ConcurrentHashMap<>();

    @PostConstruct
    void connect() {
        broker = new KafkaProducerFactory().producer(kafkaConfig, applicationName);
        unreachable = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + closedPort(),
                ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-unreachable",
                // How long a send waits for the (absent) broker's metadata before it fails.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 100,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** From now on every send fails as if the broker were unreachable. */
    public void brokerDown() {
        down = true;
    }

    /** Sends reach the test broker again. */
    public void brokerBack() {
        down = false;
    }

    /** Every record whose value contains the marker fails to be delivered, until {@link #deliverAll()}. */
    public void failDeliveryOf(String marker) {
        failingMarkers.add(marker);
    }

    /** The names of the threads that have sent records with this key (a subject id). */
    public Set<String> sendingThreads(String key) {
        return Set.copyOf(sendingThreadsByKey.getOrDefault(key, Set.of()));
    }

    /** Ends every fault. */
    public void deliverAll() {
        failingMarkers.clear();
        down = false;
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, String> record) {
        return send(record, null);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
        if (record.key() != null) {
            sendingThreadsByKey.computeIfAbsent(record.key(), key -> ConcurrentHashMap.newKeySet())
                    .add(Thread.currentThread().getName());
        }
        if (down) {
            return unreachable.send(record, callback);
        }
        if (record.value() != null && failingMarkers.stream().anyMatch(record.value()::contains)) {
            return failLater(record, callback);
        }
        return broker.send(record, callback);
    }

    private static Future<RecordMetadata> failLater(ProducerRecord<String, String> record, Callback callback) {
        TimeoutException expired = new TimeoutException("Expiring 1 record(s) for " + record.topic()
                + ": 30000 ms has passed since batch creation");
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(LATE_FAILURE.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (callback != null) {
                callback.onCompletion(null, expired);
            }
            result.completeExceptionally(expired);
        });
        return result;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the unreachable broker", e);
        }
    }

    @PreDestroy
    void disconnect() {
        unreachable.close(Duration.ofSeconds(1));
        broker.close(Duration.ofSeconds(5));
    }

    @Override
    public void flush() {
        broker.flush();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return broker.partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return broker.metrics();
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return broker.clientInstanceId(timeout);
    }

    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
        broker.registerMetricForSubscription(metric);
    }

    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
        broker.unregisterMetricFromSubscription(metric);
    }

    @Override
    public void close() {
        // The bean's lifecycle closes the producers (disconnect).
    }

    @Override
    public void close(Duration timeout) {
        // The bean's lifecycle closes the producers (disconnect).
    }

    @Override
    public void initTransactions() {
        throw new UnsupportedOperationException("The kit's producer is not transactional");
    }

    @Override
    public void beginTransaction() {
        throw new UnsupportedOperationException("The kit's producer is not transactional");
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
                                         ConsumerGroupMetadata groupMetadata) {
        throw new UnsupportedOperationException("The kit's producer is not transactional");
    }

    @Override
    public void commitTransaction() {
        throw new UnsupportedOperationException("The kit's producer is not transactional");
    }

    @Override
    public void abortTransaction() {
        throw new UnsupportedOperationException("The kit's producer is not transactional");
    }
}
