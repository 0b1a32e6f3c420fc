package com.justelegance.privacy.simulator;

import com.justelegance.privacy.events.AccountClosed;
import com.justelegance.privacy.events.AccountOpened;
import com.justelegance.privacy.events.CustomerContacted;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.AccountClosureReason;
import com.justelegance.privacy.events.codes.ComplaintStatus;
import com.justelegance.privacy.events.codes.ContactChannel;
import com.justelegance.privacy.events.codes.ContactReason;
import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code emit} sends exactly the event asked for to the real test broker (the one {@code ./stack test} runs, at
 * {@code PRIVACY_TEST_KAFKA_BOOTSTRAP}), keyed by the subject and valid under the shared contract; bad arguments
 * are usage errors with a non-zero exit.
 */
class EmitCommandTest {

    private static final String BOOTSTRAP = bootstrap();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final String subject = "emit-" + UUID.randomUUID().toString().substring(0, 8);
    private KafkaConsumer<String, String> consumer;

    @BeforeAll
    static void brokerRuns() {
        String[] hostPort = BOOTSTRAP.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
        } catch (IOException e) {
            throw new IllegalStateException("The Kafka test broker at " + BOOTSTRAP + " is not running. Run the "
                    + "tests through ./stack test, or start it first with ./stack test-infra up.", e);
        }
    }

    /** Watches the storefront topic from its current end, before the command sends anything. */
    @BeforeEach
    void watchTheStorefrontTopic() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.STOREFRONT_ACTIVITY, Duration.ofSeconds(10))
                .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    @AfterEach
    void closeConsumer() {
        consumer.close(Duration.ofSeconds(2));
    }

    @Test
    void anOrderArrivesOnTheStorefrontTopicKeyedByItsSubject() {
        int exit = emit("order", "--subject", subject, "--order-id", "ord-emit-1", "--sales-channel", "mobile_app",
                "--courier", "DPD", "--occurred-at", "2019-03-01T10:00:00Z");

        assertThat(err.toString(), exit, equalTo(0));
        ConsumerRecord<String, String> record = awaitRecordFor(subject);
        EventEnvelope<?> event = EventCodec.decode(record.value());
        assertThat(event.eventType(), equalTo("OrderPlaced"));
        assertThat(event.subjectId(), equalTo(subject));
        assertThat(event.producer(), equalTo("storefront"));
        assertThat(event.occurredAt(), equalTo(Instant.parse("2019-03-01T10:00:00Z")));
        assertThat(event.payload(), equalTo(new OrderPlaced("ord-emit-1", SalesChannel.MOBILE_APP, Courier.DPD,
                PaymentProvider.WORLDPAY)));
        assertThat(out.toString(), containsString(event.eventId().toString()));
    }

    @Test
    void aContactAboutAnOpenComplaintArrivesAsSent() {
        int exit = emit("contact", "--subject", subject, "--channel", "PHONE", "--reason", "COMPLAINT",
                "--complaint-status", "OPEN", "--complaint-id", "cmp-emit-1");

        assertThat(err.toString(), exit, equalTo(0));
        EventEnvelope<?> event = EventCodec.decode(awaitRecordFor(subject).value());
        assertThat(event.eventType(), equalTo("CustomerContacted"));
        CustomerContacted contact = (CustomerContacted) event.payload();
        assertThat(contact.channel(), equalTo(ContactChannel.PHONE));
        assertThat(contact.reason(), equalTo(ContactReason.COMPLAINT));
        assertThat(contact.complaintStatus(), equalTo(ComplaintStatus.OPEN));
        assertThat(contact.complaintId(), equalTo("cmp-emit-1"));
    }

    @Test
    void anAccountOpenedAndAClosedArriveInOrder() {
        assertThat(err.toString(), emit("account-opened", "--subject", subject), equalTo(0));
        assertThat(err.toString(), emit("account-closed", "--subject", subject, "--closure-reason", "INACTIVITY"),
                equalTo(0));

        List<EventEnvelope<?>> events = awaitEventsFor(subject, 2);
        assertThat(events.get(0).payload(), equalTo(new AccountOpened("acc-" + subject)));
        assertThat(events.get(1).payload(), equalTo(new AccountClosed("acc-" + subject,
                AccountClosureReason.INACTIVITY)));
    }

    @Test
    void aMissingSubjectIsAUsageError() {
        int exit = emit("order");

        assertThat(exit, equalTo(CommandLine.ExitCode.USAGE));
        assertThat(err.toString(), containsString("--subject"));
        assertThat(err.toString(), containsString("Usage:"));
    }

    @Test
    void anUnknownEventIsAUsageErrorNamingTheEvents() {
        int exit = emit("refund", "--subject", subject);

        assertThat(exit, equalTo(CommandLine.ExitCode.USAGE));
        assertThat(err.toString(), containsString("order, contact, account-opened or account-closed"));
    }

    @Test
    void aSubjectThatIsNotAnOpaqueIdIsRefusedWithoutEchoingIt() {
        int exit = emit("order", "--subject", "jane.doe@example.com");

        assertThat(exit, equalTo(CommandLine.ExitCode.USAGE));
        assertThat(err.toString(), containsString("subjectId must be an opaque id"));
        assertThat(err.toString(), not(containsString("jane.doe")));
    }

    @Test
    void aComplaintWithoutItsIdIsRefusedAndNothingIsSent() {
        int exit = emit("contact", "--subject", subject, "--complaint-status", "OPEN");

        assertThat(exit, equalTo(CommandLine.ExitCode.USAGE));
        assertThat(err.toString(), containsString("complaintId"));
        assertThat(pollOnceFor(subject), nullValue());
    }

    private int emit(String... args) {
        List<String> all = new ArrayList<>(List.of("emit", "--bootstrap", BOOTSTRAP));
        all.addAll(List.of(args));
        CommandLine commandLine = StorefrontSimulator.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(all.toArray(String[]::new));
    }

    private ConsumerRecord<String, String> awaitRecordFor(String key) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        return await().atMost(Duration.ofSeconds(45)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return seen.stream().filter(r -> key.equals(r.key())).findFirst().orElse(null);
        }, found -> found != null);
    }

    private List<EventEnvelope<?>> awaitEventsFor(String key, int count) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        return await().atMost(Duration.ofSeconds(45)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return seen.stream().filter(r -> key.equals(r.key()))
                    .<EventEnvelope<?>>map(r -> EventCodec.decode(r.value())).toList();
        }, events -> events.size() >= count);
    }

    /** Whatever has arrived for the key within a second: nothing, when the command refused to send. */
    private ConsumerRecord<String, String> pollOnceFor(String key) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < until) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        return seen.stream().filter(r -> key.equals(r.key())).findFirst().orElse(null);
    }

    private static String bootstrap() {
        String value = System.getenv("PRIVACY_TEST_KAFKA_BOOTSTRAP");
        return value == null || value.isBlank() ? "localhost:19092" : value;
    }
}
