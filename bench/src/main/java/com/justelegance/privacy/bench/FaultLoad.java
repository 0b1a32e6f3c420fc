package com.justelegance.privacy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The input of one fault run, and the record of what was acknowledged: storefront events produced at a steady rate
 * as the storefront produces them ({@code acks=all}, idempotent; acknowledged when the broker confirms), and consent
 * decisions recorded by a few clients through consent-service's API (acknowledged on 201).
 * Every subject of run n starts with {@code f<n>-}, so runs on the same databases are checked apart. A few poison
 * records go on the topic along the way.
 */
final class FaultLoad {

    /** The producer goes on past the run's events until the faults are over, up to this many times as many. */
    static final int MAX_EVENTS_FACTOR = 4;
    /** Subjects the decision clients change their minds about, each. */
    static final int SUBJECTS_PER_CLIENT = 25;
    static final String PURPOSE = "EMAIL_MARKETING";
    /** The kinds of poison record put on the storefront topic (twice each per run): each must be dead-lettered. */
    static final List<String> POISON_KINDS = List.of("wrong-schema", "wrong-type", "truncated", "key-mismatch");

    private final BenchSystem system;
    private final String prefix;
    private final int events;
    private final int eventsPerSecond;
    private final int decisionsPerSecond;
    private final int subjects;
    private final AtomicReferenceArray<UUID> acknowledgedEvents;
    private final AtomicLong refusedEvents = new AtomicLong();
    private final AtomicInteger produced = new AtomicInteger();
    private volatile boolean faultsDone;
    private final Map<UUID, Decision> acknowledgedDecisions = new ConcurrentHashMap<>();
    /** Per decision subject: the state of its last attempt, and whether that attempt was acknowledged. */
    private final Map<String, Decision> lastAttempt = new ConcurrentHashMap<>();
    private final AtomicLong unacknowledgedDecisions = new AtomicLong();
    private final AtomicLong decidedAtMillis = new AtomicLong(Instant.now().toEpochMilli());
    private final List<String> poisonKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean decisionsStop;

    /** A decision as sent: its subject, the state it asked for, and whether the service acknowledged it. */
    record Decision(String subject, String state, boolean acknowledged) {
    }

    FaultLoad(BenchSystem system, int run, int events, int eventsPerSecond, int decisionsPerSecond) {
        this.system = system;
        this.prefix = "f" + run + "-";
        this.events = events;
        this.eventsPerSecond = eventsPerSecond;
        this.decisionsPerSecond = decisionsPerSecond;
        this.subjects = Math.max(1, events / IngestTopic.EVENTS_PER_SUBJECT);
        this.acknowledgedEvents = new AtomicReferenceArray<>(events * MAX_EVENTS_FACTOR);
    }

    String prefix() {
        return prefix;
    }

    /** Every fault has been injected and has ended: the producer may stop once it has sent the run's events. */
    void faultsDone() {
        faultsDone = true;
    }

    /** Events handed to the producer so far (the run's events, and more if the faults lasted longer). */
    int produced() {
        return produced.get();
    }

    String eventSubject(int i) {
        return prefix + "s" + (i % subjects);
    }

    /** The id of event {@code i} if the broker acknowledged it, else null. */
    UUID acknowledgedEvent(int i) {
        return acknowledgedEvents.get(i);
    }

    long refusedEvents() {
        return refusedEvents.get();
    }

    Map<UUID, Decision> acknowledgedDecisions() {
        return acknowledgedDecisions;
    }

    Map<String, Decision> lastAttempts() {
        return lastAttempt;
    }

    long unacknowledgedDecisions() {
        return unacknowledgedDecisions.get();
    }

    List<String> poisonKeys() {
        return poisonKeys;
    }

    /**
     * Produces the run's events at the given rate, with poison records at a tenth and at half way, and goes on at
     * the same rate while a fault is still under way (so every fault meets events arriving); returns when the broker
     * has acknowledged or refused every one.
     */
    void produceEvents() throws Exception {
        // Timeouts long enough to ride out a broker restart: a record is acknowledged or refused, never forgotten.
        try (KafkaProducer<String, String> producer = BenchSystem.storefrontProducer(system.kafkaBootstrap(),
                "fault-run-storefront", Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000))) {
            long start = System.nanoTime();
            Instant epoch = Instant.now().minus(Duration.ofDays(1));
            int most = events * MAX_EVENTS_FACTOR;
            for (int i = 0; i < most && (i < events || !faultsDone); i++) {
                long due = start + (long) (i * 1e9 / eventsPerSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                if (i == events / 10 || i == events / 2) {
                    producePoison(producer, i);
                }
                String subject = eventSubject(i);
                EventEnvelope<?> event = EventEnvelope.create(subject, "storefront", epoch.plusMillis(i),
                        IngestTopic.payload(prefix, i));
                int index = i;
                producer.send(new ProducerRecord<>(Topics.STOREFRONT_ACTIVITY, subject, EventCodec.encode(event)),
                        (metadata, error) -> {
                            if (error == null) {
                                acknowledgedEvents.set(index, event.eventId());
                            } else {
                                refusedEvents.incrementAndGet();
                            }
                        });
                produced.set(i + 1);
            }
            producer.flush();
        }
    }

    /** How many recipients event {@code i} reaches if it is an order, else 0. */
    int recipientsOf(int i) {
        return IngestTopic.payload(prefix, i) instanceof OrderPlaced order ? IngestTopic.recipients(order) : 0;
    }

    /**
     * One poison record of each kind, keyed {@code <prefix>poison-<kind>-<n>}: a valid event with a field missing,
     * one with a field of the wrong type, one cut in half, and a valid one whose key is not its subject.
     */
    private void producePoison(KafkaProducer<String, String> producer, int n) throws Exception {
        EventEnvelope<?> valid = EventEnvelope.create(prefix + "poisoned", "storefront", Instant.now(),
                IngestTopic.payload(prefix + "poison-", n));
        String encoded = EventCodec.encode(valid);
        for (String kind : POISON_KINDS) {
            String value = switch (kind) {
                case "wrong-schema" -> {
                    ObjectNode event = (ObjectNode) json.readTree(encoded);
                    event.remove("subjectId");
                    yield json.writeValueAsString(event);
                }
                case "wrong-type" -> {
                    ObjectNode event = (ObjectNode) json.readTree(encoded);
                    event.put("occurredAt", true);
                    yield json.writeValueAsString(event);
                }
                case "truncated" -> encoded.substring(0, encoded.length() / 2);
                default -> encoded;
            };
            String key = prefix + "poison-" + kind + "-" + n;
            producer.send(new ProducerRecord<>(Topics.STOREFRONT_ACTIVITY, key, value)).get();
            poisonKeys.add(key);
        }
    }

    /**
     * Decision clients until {@link #stopDecisions}: each changes its subjects' minds in turn (granted, withdrawn,
     * granted...), as the storefront's account settings page would, with {@code decidedAt} rising, so the last
     * acknowledged decision of a subject is its current state.
     */
    List<Thread> startDecisionClients(int clients) {
        String token = system.token("storefront");
        String url = system.url("consent-service");
        return java.util.stream.IntStream.range(0, clients).mapToObj(c -> Thread.ofPlatform()
                .name("fault-run-decisions-" + c).start(() -> decide(url, token, c, clients))).toList();
    }

    void stopDecisions() {
        decisionsStop = true;
    }

    /**
     * One client: a decision, then a pause so that all the clients together stay near the decision rate (a closed
     * loop at full speed would take the two cores from the services restarting after a fault).
     */
    private void decide(String url, String token, int client, int clients) {
        long pauseNanos = (long) (1e9 * clients / decisionsPerSecond);
        long next = System.nanoTime();
        int visit = 0;
        while (!decisionsStop) {
            next += pauseNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String subject = prefix + "c" + client + "-" + (visit % SUBJECTS_PER_CLIENT);
            String state = (visit / SUBJECTS_PER_CLIENT) % 2 == 0 ? "GRANTED" : "WITHDRAWN";
            visit++;
            try {
                String body = json.writeValueAsString(Map.of(
                        "choices", List.of(Map.of("purpose", PURPOSE, "state", state)),
                        "policyVersion", ConsentDecisionBench.POLICY_VERSION, "source", "ACCOUNT_SETTINGS",
                        "method", "SAVE",
                        "decidedAt", Instant.ofEpochMilli(decidedAtMillis.incrementAndGet()).toString(),
                        "proof", Map.of("ipAddress", "203.0.113.7", "userAgent", "fault-run")));
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(url + "/api/v1/subjects/" + subject + "/consent-decisions"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    JsonNode id = json.readTree(response.body()).get("decisionId");
                    Decision decision = new Decision(subject, state, true);
                    acknowledgedDecisions.put(UUID.fromString(id.asText()), decision);
                    lastAttempt.put(subject, decision);
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception refusedOrCut) {
                // Not acknowledged: the service or its database was down. Counted below, never retried (the
                // storefront does not know whether it was recorded, and the checker does not count on it).
            }
            unacknowledgedDecisions.incrementAndGet();
            lastAttempt.put(subject, new Decision(subject, state, false));
        }
    }
}
