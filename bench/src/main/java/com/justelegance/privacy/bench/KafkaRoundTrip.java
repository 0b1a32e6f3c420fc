package com.justelegance.privacy.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * The bare baseline of a request that goes out over Kafka and comes back as a receipt: the bench publishes a record
 * on {@code bench.round-trip.requests}, an echo (a plain consumer and producer, as a participant would have) answers
 * it on {@code bench.round-trip.replies}, and the bench's consumer reads the answer. The same two hops through the
 * same broker as an erasure request and its receipt, with nothing else: no database, no transaction, no outbox.
 */
final class KafkaRoundTrip implements AutoCloseable {

    static final String REQUESTS = "bench.round-trip.requests";
    static final String REPLIES = "bench.round-trip.replies";

    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> replies;
    private final Thread echo;
    private final KafkaConsumer<String, String> echoConsumer;

    KafkaRoundTrip(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : List.of(REQUESTS, REPLIES)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        replies = consumer(bootstrap, "bench-round-trip-" + UUID.randomUUID());
        replies.subscribe(List.of(REPLIES));
        echoConsumer = consumer(bootstrap, "bench-round-trip-echo-" + UUID.randomUUID());
        echoConsumer.subscribe(List.of(REQUESTS));
        echo = Thread.ofPlatform().name("bench-round-trip-echo").start(this::echo);
        // Join both groups before the first measured trip.
        awaitAssigned(replies);
        while (echoConsumer != null && echo.isAlive() && !assignedEcho) {
            Thread.sleep(20);
        }
    }

    private volatile boolean assignedEcho;

    private static KafkaConsumer<String, String> consumer(String bootstrap, String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }

    private static void awaitAssigned(KafkaConsumer<String, String> consumer) {
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(50));
        }
    }

    private void echo() {
        try {
            while (true) {
                for (ConsumerRecord<String, String> request : echoConsumer.poll(Duration.ofMillis(100))) {
                    producer.send(new ProducerRecord<>(REPLIES, request.key(), request.value())).get();
                }
                if (!echoConsumer.assignment().isEmpty()) {
                    assignedEcho = true;
                }
                echoConsumer.commitSync();
            }
        } catch (WakeupException stopping) {
            // close() asked us to stop
        } catch (Exception e) {
            System.out.println("   round-trip echo stopped: " + e);
        } finally {
            echoConsumer.close();
        }
    }

    /** One request and its reply; the time in milliseconds. */
    double once() throws Exception {
        String id = UUID.randomUUID().toString();
        long start = System.nanoTime();
        producer.send(new ProducerRecord<>(REQUESTS, id, id)).get();
        while (true) {
            for (ConsumerRecord<String, String> reply : replies.poll(Duration.ofMillis(100))) {
                if (reply.key().equals(id)) {
                    return (System.nanoTime() - start) / 1e6;
                }
            }
            if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
                throw new IllegalStateException("No reply on " + REPLIES + " within 30 s");
            }
        }
    }

    @Override
    public void close() throws Exception {
        echoConsumer.wakeup();
        echo.join();
        replies.close();
        producer.close();
    }
}
