package com.justelegance.privacy.bench;

import com.justelegance.privacy.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The checker of a fault run: once the load has stopped and every consumer has caught up, compares what was
 * acknowledged ({@link FaultLoad}) with what every service applied, in the services' own databases and the
 * dead-letter topic. Missing, duplicates and inversions must all be zero.
 *
 * <ul>
 *   <li>Storefront events: every acknowledged event in the inbox ledger ({@code processed_event}, written in the
 *       transaction that applies it) of consent-, retention- and disclosure-service; every acknowledged order's
 *       disclosures recorded once per recipient (duplicates: a recipient recorded twice for one order); a subject's
 *       disclosures recorded in the order its orders were placed (inversions).</li>
 *   <li>Consent decisions: every acknowledged decision stored once; a subject's current state the one its last
 *       decision asked for; every {@code ConsentChanged} the outbox wrote relayed and in retention's and disclosure's
 *       ledgers; disclosure's copy of each subject's consent equal to consent-service's (an event applied out of
 *       order would leave an older state there).</li>
 *   <li>Poison records: each one dead-lettered by each of the three consumers of the topic.</li>
 * </ul>
 */
final class FaultCheck {

    /** The consumers of the storefront's events (each dead-letters every poison record). */
    static final List<String> GROUPS = List.of("consent-service", "retention-service", "disclosure-service");
    /** Whose lag must come back to zero: each group on the topics of the load it consumes. */
    static final Map<String, List<String>> CONSUMED = Map.of(
            "consent-service", List.of(Topics.STOREFRONT_ACTIVITY),
            "retention-service", List.of(Topics.STOREFRONT_ACTIVITY, Topics.CONSENT),
            "disclosure-service", List.of(Topics.STOREFRONT_ACTIVITY, Topics.CONSENT));
    static final List<String> TOPICS = List.of(Topics.STOREFRONT_ACTIVITY, Topics.CONSENT);

    private final BenchSystem system;
    private final FaultLoad load;
    final Map<String, Long> counts = new LinkedHashMap<>();

    FaultCheck(BenchSystem system, FaultLoad load) {
        this.system = system;
        this.load = load;
    }

    /** The consumer groups' lag on the checked topics (records not yet committed), and the outbox's unsent rows. */
    static long backlog(BenchSystem system) throws Exception {
        long lag = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(TOPICS).allTopicNames().get().forEach((topic, description) -> description
                    .partitions().forEach(p -> ends.put(new TopicPartition(topic, p.partition()),
                            OffsetSpec.latest())));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(ends).all().get().forEach((partition, info) -> end.put(partition, info.offset()));
            for (Map.Entry<String, List<String>> group : CONSUMED.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get();
                for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                    if (group.getValue().contains(partition.getKey().topic())) {
                        OffsetAndMetadata at = committed.get(partition.getKey());
                        lag += partition.getValue() - (at == null ? 0 : at.offset());
                    }
                }
            }
        }
        try (Connection consent = system.connect("consent-service");
             ResultSet unsent = consent.createStatement().executeQuery(
                     "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
            unsent.next();
            return lag + unsent.getLong(1);
        }
    }

    /** Runs every check; the counts are then in {@link #counts}. True when nothing is missing, doubled or inverted. */
    boolean run() throws Exception {
        storefrontEvents();
        consentDecisions();
        poison();
        // Nothing checked proves nothing: the run must have had events, decisions and poison acknowledged.
        boolean hadLoad = counts.get("events acknowledged") > 0 && counts.get("decisions acknowledged") > 0
                && counts.get("consent events written to the outbox") > 0 && counts.get("poison records sent") > 0;
        return hadLoad && counts.entrySet().stream().filter(e -> isFailure(e.getKey()))
                .allMatch(e -> e.getValue() == 0);
    }

    static boolean isFailure(String count) {
        return count.contains("missing") || count.contains("duplicates") || count.contains("inversions")
                || count.contains("unsent");
    }

    private void storefrontEvents() throws Exception {
        List<UUID> acknowledged = new ArrayList<>();
        Map<String, Integer> orderIndex = new HashMap<>();
        long expectedDisclosures = 0;
        for (int i = 0; i < load.produced(); i++) {
            UUID id = load.acknowledgedEvent(i);
            if (id != null) {
                acknowledged.add(id);
                int recipients = load.recipientsOf(i);
                if (recipients > 0) {
                    orderIndex.put(load.prefix() + "order-" + i, i);
                    expectedDisclosures += recipients;
                }
            }
        }
        counts.put("events acknowledged", (long) acknowledged.size());
        counts.put("events refused by the broker (not acknowledged)", load.refusedEvents());
        for (String service : GROUPS) {
            long found = inLedger(service, "storefront-activity", acknowledged);
            counts.put(service + ": events applied", found);
            counts.put(service + ": events missing", acknowledged.size() - found);
        }
        long disclosures = 0;
        long duplicates = 0;
        long inversions = 0;
        try (Connection db = system.connect("disclosure-service");
             PreparedStatement query = db.prepareStatement("""
                     SELECT subject_id, recipient_code, reference FROM disclosure
                     WHERE subject_id LIKE ? AND source = 'ORDER' ORDER BY subject_id, id""")) {
            query.setString(1, load.prefix() + "s%");
            query.setFetchSize(10_000);
            db.setAutoCommit(false);
            Set<String> seen = new HashSet<>();
            String subject = null;
            int lastIndex = -1;
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Integer index = orderIndex.get(row.getString(3));
                    if (index == null) {
                        continue; // an order the broker did not acknowledge (it may still have arrived)
                    }
                    disclosures++;
                    if (!seen.add(row.getString(3) + "/" + row.getString(2))) {
                        duplicates++;
                    }
                    if (!row.getString(1).equals(subject)) {
                        subject = row.getString(1);
                        lastIndex = -1;
                    }
                    if (index < lastIndex) {
                        inversions++;
                    }
                    lastIndex = Math.max(lastIndex, index);
                }
            }
        }
        counts.put("disclosures expected", expectedDisclosures);
        counts.put("disclosures missing", Math.max(0, expectedDisclosures - (disclosures - duplicates)));
        counts.put("disclosure duplicates", duplicates);
        counts.put("disclosure inversions (a subject's orders applied out of order)", inversions);
    }

    private void consentDecisions() throws Exception {
        Map<UUID, FaultLoad.Decision> acknowledged = load.acknowledgedDecisions();
        counts.put("decisions acknowledged", (long) acknowledged.size());
        counts.put("decisions not acknowledged (refused or cut off during a fault)", load.unacknowledgedDecisions());
        Map<String, String> current = new HashMap<>();
        List<UUID> outboxEvents = new ArrayList<>();
        try (Connection db = system.connect("consent-service")) {
            long stored = 0;
            try (PreparedStatement query = db.prepareStatement(
                    "SELECT count(*) FROM consent_decision WHERE id = ANY(?)")) {
                query.setArray(1, db.createArrayOf("uuid", acknowledged.keySet().toArray()));
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    stored = row.getLong(1);
                }
            }
            counts.put("decisions missing", acknowledged.size() - stored);
            try (PreparedStatement query = db.prepareStatement("""
                    SELECT count(*) FROM (SELECT 1 FROM consent_decision WHERE subject_id LIKE ?
                                          GROUP BY subject_id, client_decided_at HAVING count(*) > 1) doubled""")) {
                query.setString(1, load.prefix() + "c%");
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    counts.put("decision duplicates", row.getLong(1));
                }
            }
            try (PreparedStatement query = db.prepareStatement(
                    "SELECT subject_id, state FROM consent_state WHERE subject_id LIKE ? AND purpose_code = ?")) {
                query.setString(1, load.prefix() + "c%");
                query.setString(2, FaultLoad.PURPOSE);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        current.put(row.getString(1), row.getString(2));
                    }
                }
            }
            try (PreparedStatement query = db.prepareStatement("""
                    SELECT event_id, sent_at IS NULL FROM outbox_event WHERE event_key LIKE ? AND topic = ?""")) {
                query.setString(1, load.prefix() + "c%");
                query.setString(2, Topics.CONSENT);
                long unsent = 0;
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        outboxEvents.add(row.getObject(1, UUID.class));
                        unsent += row.getBoolean(2) ? 1 : 0;
                    }
                }
                // Only a change of state is an event: a decision repeating the state a refused one left is none.
                counts.put("consent events written to the outbox", (long) outboxEvents.size());
                counts.put("consent events unsent", unsent);
            }
        }
        long sourceInversions = 0;
        for (FaultLoad.Decision last : load.lastAttempts().values()) {
            boolean granted = "GRANTED".equals(current.get(last.subject()));
            if (last.acknowledged() && "GRANTED".equals(last.state()) != granted) {
                sourceInversions++;
            }
        }
        counts.put("decision inversions (a subject's state not its last decision)", sourceInversions);
        for (String service : List.of("retention-service", "disclosure-service")) {
            long found = inLedger(service, "consent-changes", outboxEvents);
            counts.put(service + ": consent events missing", outboxEvents.size() - found);
        }
        long downstreamInversions = 0;
        try (Connection db = system.connect("disclosure-service");
             PreparedStatement query = db.prepareStatement(
                     "SELECT subject_id, state FROM subject_consent WHERE subject_id LIKE ? AND purpose_code = ?")) {
            query.setString(1, load.prefix() + "c%");
            query.setString(2, FaultLoad.PURPOSE);
            Map<String, String> copy = new HashMap<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    copy.put(row.getString(1), row.getString(2));
                }
            }
            for (String subject : load.lastAttempts().keySet()) {
                boolean grantedAtSource = "GRANTED".equals(current.get(subject));
                boolean grantedInCopy = "GRANTED".equals(copy.get(subject));
                if (grantedAtSource != grantedInCopy) {
                    downstreamInversions++;
                }
            }
        }
        counts.put("consent inversions downstream (disclosure-service's copy not consent-service's state)",
                downstreamInversions);
    }

    /** How many of the given event ids a service's inbox ledger holds for one of its consumers. */
    private long inLedger(String service, String consumer, List<UUID> eventIds) throws Exception {
        try (Connection db = system.connect(service);
             PreparedStatement query = db.prepareStatement(
                     "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ANY(?)")) {
            Array ids = db.createArrayOf("uuid", eventIds.toArray());
            query.setString(1, consumer);
            query.setArray(2, ids);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Reads the storefront topic's dead-letter topic: each poison record must be there from each consumer. */
    private void poison() {
        Set<String> found = new HashSet<>();
        String deadLetters = Topics.deadLetterTopic(Topics.STOREFRONT_ACTIVITY);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters).stream()
                    .map(p -> new TopicPartition(deadLetters, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    Header by = record.headers().lastHeader("dead-letter-consumer");
                    if (record.key() != null && by != null) {
                        String service = new String(by.value(), StandardCharsets.UTF_8).split("/")[0];
                        found.add(service + " " + record.key());
                    }
                }
            }
        }
        long missing = 0;
        for (String key : load.poisonKeys()) {
            for (String service : GROUPS) {
                missing += found.contains(service + " " + key) ? 0 : 1;
            }
        }
        counts.put("poison records sent", (long) load.poisonKeys().size());
        counts.put("poison records missing from the dead-letter topic (per consumer)", missing);
    }
}
