package com.justelegance.privacy.simulator.erasure;

import com.justelegance.privacy.events.AccountClosed;
import com.justelegance.privacy.events.AccountOpened;
import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.CustomerContacted;
import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventDecodingException;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.ProcessingRestricted;
import com.justelegance.privacy.events.ProcessingRestrictionLifted;
import com.justelegance.privacy.events.RectificationRequested;
import com.justelegance.privacy.events.SubjectRequestClosed;
import com.justelegance.privacy.events.SubjectRequestOpened;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.simulator.customers.Customer;
import com.justelegance.privacy.simulator.customers.CustomerDirectory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The storefront as an erasure participant: consumes {@code privacy.erasure-requests.v1}, erases the subject from
 * the customer directory ({@link com.justelegance.privacy.simulator.customers.StorefrontErasure}) and answers each
 * request with an {@code ErasureCompleted} receipt (service and producer {@code storefront}, key the subject id,
 * correlation id the request's event id) on {@code privacy.erasure-receipts.v1}. It also reads
 * {@code privacy.rectification-requests.v1} and logs which categories it would fetch again.
 *
 * <p>At least once: offsets are committed only after the receipt (or a dead letter) is acknowledged by the broker,
 * so a crash in between delivers the request again. That is harmless: a request answered before gets the same
 * answer again, kept in the directory, and the requester records one receipt per participant and request.
 *
 * <p>A record that cannot be decoded, whose key is not its subject, or that does not belong on its topic goes
 * unchanged to {@code <topic>.dlq} with the services' dead-letter headers, and the consumer goes on with the next.
 * When the directory cannot be written or the broker does not acknowledge, nothing is committed: the batch is read
 * again from the first record not answered, after a back-off of 1 s doubling up to 30 s.
 */
public final class PrivacyRequestsConsumer implements AutoCloseable {

    /** The receipt's service and the envelope's producer. */
    public static final String SERVICE = "storefront";
    /** Who the {@code dead-letter-consumer} header names, as {@code <service>/<channel>} in the services. */
    static final String CONSUMER_NAME = SERVICE + "/privacy-requests";

    static final String REASON_HEADER = "dead-letter-reason";
    static final String CAUSE_HEADER = "dead-letter-cause";
    static final String TOPIC_HEADER = "dead-letter-topic";
    static final String PARTITION_HEADER = "dead-letter-partition";
    static final String OFFSET_HEADER = "dead-letter-offset";
    static final String CONSUMER_HEADER = "dead-letter-consumer";

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyRequestsConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MIN_BACK_OFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);

    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final CustomerDirectory directory;
    private final Clock clock;
    private final Thread thread;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile boolean running = true;

    /** A failure that may pass (the directory's disk, the broker): retry the record later, never dead-letter it. */
    private static final class TransientFailure extends Exception {
        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param groupId the consumer group; a new group starts at the oldest request still on the topic, so none is
     *                missed
     */
    public PrivacyRequestsConsumer(String bootstrap, String groupId, CustomerDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, "storefront-simulator-consumer",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "storefront-simulator-receipts",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        this.thread = new Thread(this::run, "storefront-privacy-requests");
    }

    /** Starts consuming on its own thread. */
    public PrivacyRequestsConsumer start() {
        thread.start();
        return this;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops after the record in hand and closes the clients. */
    @Override
    public void close() {
        running = false;
        stopRequested.countDown();
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.ERASURE_REQUESTS, Topics.RECTIFICATION_REQUESTS));
            Duration backOff = MIN_BACK_OFF;
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                if (handle(records)) {
                    backOff = MIN_BACK_OFF;
                } else if (!stopRequested.await(backOff.toMillis(), TimeUnit.MILLISECONDS)) {
                    backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF
                            : backOff.multipliedBy(2);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The privacy-requests consumer stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Handles a batch, partition by partition, and commits what was answered. Returns false when a record must be
     * tried again: every partition of the batch is then rewound to its first record not answered.
     */
    private boolean handle(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> answered = new HashMap<>();
        boolean complete = true;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                if (!complete) {
                    break;
                }
                try {
                    try {
                        apply(record);
                    } catch (RuntimeException e) {
                        // A record we cannot apply must not stop every later request from being answered.
                        LOG.error("Could not apply {}-{}@{}", record.topic(), record.partition(), record.offset(), e);
                        deadLetter(record, "The storefront could not apply the event", e.getClass());
                    }
                    answered.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } catch (TransientFailure e) {
                    LOG.warn("Could not answer {}-{}@{} now, will retry: {}", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                    complete = false;
                }
            }
        }
        if (!complete) {
            for (TopicPartition partition : records.partitions()) {
                OffsetAndMetadata next = answered.get(partition);
                consumer.seek(partition, next != null ? next.offset()
                        : records.records(partition).getFirst().offset());
            }
        }
        if (!answered.isEmpty()) {
            try {
                consumer.commitSync(answered);
            } catch (KafkaException e) {
                // The records come again; answering them twice is harmless.
                LOG.warn("Could not commit offsets, the records will be read again: {}", e.toString());
            }
        }
        return complete;
    }

    private void apply(ConsumerRecord<String, String> record) throws TransientFailure {
        EventEnvelope<?> event;
        try {
            event = EventCodec.decode(record.value());
        } catch (EventDecodingException e) {
            deadLetter(record, e.getMessage(), e.getClass());
            return;
        }
        if (!event.subjectId().equals(record.key())) {
            deadLetter(record, "The record key differs from the envelope's subjectId", IllegalArgumentException.class);
            return;
        }
        if (!event.topic().equals(record.topic())) {
            deadLetter(record, "A " + event.eventType() + " does not belong on this topic",
                    IllegalArgumentException.class);
            return;
        }
        switch (event.payload()) {
            case ErasureRequested request -> erase(event, request);
            case RectificationRequested rectification ->
                // Ids and codes only: the log never names the person or the corrected values.
                    LOG.info("Rectification request {}: the storefront would fetch {} again from its own records",
                            rectification.requestId(), rectification.categories());
            // Cannot pass the topic check above; listed so a new event type is a decision here too.
            case OrderPlaced ignored -> unexpected(record, event);
            case CustomerContacted ignored -> unexpected(record, event);
            case AccountOpened ignored -> unexpected(record, event);
            case AccountClosed ignored -> unexpected(record, event);
            case ConsentChanged ignored -> unexpected(record, event);
            case ErasureCompleted ignored -> unexpected(record, event);
            case SubjectRequestOpened ignored -> unexpected(record, event);
            case SubjectRequestClosed ignored -> unexpected(record, event);
            case ProcessingRestricted ignored -> unexpected(record, event);
            case ProcessingRestrictionLifted ignored -> unexpected(record, event);
        }
    }

    private void erase(EventEnvelope<?> event, ErasureRequested request) throws TransientFailure {
        Customer.Answer answer;
        try {
            answer = directory.erase(event.subjectId(), request.requestId(), clock.instant());
        } catch (IOException e) {
            throw new TransientFailure("the customer directory could not be changed (" + e.getClass().getName()
                    + ")", e);
        }
        ErasureCompleted receipt = new ErasureCompleted(answer.requestId(), SERVICE,
                answer.erased().stream().map(erased -> new ErasureCompleted.ErasedRecords(erased.category(),
                        erased.count())).toList(),
                answer.withheld().stream().map(withheld -> new ErasureCompleted.WithheldRecords(
                        withheld.category(), withheld.reason(), withheld.until())).toList(),
                answer.completedAt());
        EventEnvelope<ErasureCompleted> envelope = EventEnvelope.create(event.subjectId(), SERVICE,
                answer.completedAt(), event.eventId(), receipt);
        send(new ProducerRecord<>(envelope.topic(), envelope.subjectId(), EventCodec.encode(envelope)));
        LOG.info("Erasure request {} answered: erased {}, withheld {}", request.requestId(),
                receipt.erased().stream().map(e -> e.category() + "=" + e.count()).toList(),
                receipt.withheld().stream().map(w -> w.category() + "/" + w.reason() + "/" + w.until()).toList());
    }

    private void unexpected(ConsumerRecord<String, String> record, EventEnvelope<?> event) throws TransientFailure {
        deadLetter(record, "A " + event.eventType() + " does not belong on this topic", IllegalArgumentException.class);
    }

    /** Moves the record, unchanged, to its dead-letter topic with headers saying why; waits for the broker. */
    private void deadLetter(ConsumerRecord<String, String> record, String reason, Class<?> cause)
            throws TransientFailure {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        header(headers, REASON_HEADER, reason);
        header(headers, CAUSE_HEADER, cause.getName());
        header(headers, TOPIC_HEADER, record.topic());
        header(headers, PARTITION_HEADER, Integer.toString(record.partition()));
        header(headers, OFFSET_HEADER, Long.toString(record.offset()));
        header(headers, CONSUMER_HEADER, CONSUMER_NAME);
        send(new ProducerRecord<>(Topics.deadLetterTopic(record.topic()), null, record.key(), record.value(),
                headers));
        LOG.warn("Dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
    }

    private void send(ProducerRecord<String, String> record) throws TransientFailure {
        try {
            producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new TransientFailure("the broker did not acknowledge a record for " + record.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while sending to " + record.topic(), e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
