package com.justelegance.privacy.bench;

import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The bare baseline of the ingest figures: a raw kafka-clients consumer that does what the service does for each
 * polled batch, and nothing else. It decodes the records with the shared-events codec, then in one JDBC transaction
 * per poll claims the event ids in its own {@code processed_event} (the kit's inbox dedupe: {@code INSERT .. ON
 * CONFLICT DO NOTHING RETURNING}), writes the new events' rows with JDBC batches into copies of the service's tables,
 * commits, and commits the offsets. Its tables live in the schema {@code bench_baseline} of the service's own
 * database ({@code CREATE TABLE .. (LIKE public.<table> INCLUDING ALL)}: same columns, keys and indexes).
 *
 * <ul>
 *   <li>like retention-service: a {@code timeline_entry} per event, and the subject's {@code subject_timeline}
 *       upserted with its anchors moved forward ({@code GREATEST});</li>
 *   <li>like disclosure-service: a {@code disclosure} row per recipient an order reached, with the recipient's
 *       data categories and lawful basis from the registry ({@code ON CONFLICT DO NOTHING}).</li>
 * </ul>
 */
final class IngestBaseline {

    static final String SCHEMA = "bench_baseline";

    /** Which service's work the baseline does. */
    enum Kind {
        RETENTION(List.of("processed_event", "timeline_entry", "subject_timeline")),
        DISCLOSURE(List.of("processed_event", "disclosure"));

        final List<String> tables;

        Kind(List<String> tables) {
            this.tables = tables;
        }

        String group() {
            return "bench-baseline-" + name().toLowerCase();
        }
    }

    private final Kind kind;
    private final String bootstrap;
    private final String dbUrl;
    private final String user;
    private final String password;
    private Map<String, String[]> categoriesOf = Map.of();
    private Map<String, String> basisOf = Map.of();

    IngestBaseline(Kind kind, String bootstrap, String dbUrl, String user, String password) {
        this.kind = kind;
        this.bootstrap = bootstrap;
        this.dbUrl = dbUrl;
        this.user = user;
        this.password = password;
    }

    /** Recreates the baseline's tables, empty, as copies of the service's (the service must have migrated). */
    void prepareTables() throws Exception {
        try (Connection connection = DriverManager.getConnection(dbUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
            for (String table : kind.tables) {
                statement.execute("CREATE TABLE " + SCHEMA + "." + table + " (LIKE public." + table
                        + " INCLUDING ALL)");
            }
            if (kind == Kind.DISCLOSURE) {
                loadRegistry(statement);
            }
        }
    }

    /**
     * Consumes until {@code expected} events are claimed, one transaction per poll. Returns when done; the caller
     * times it through a {@link RowProbe} on the baseline's {@code processed_event}, as it times the service.
     */
    void consume(int expected, Duration timeout) throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, kind.group(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
             Connection connection = DriverManager.getConnection(dbUrl + "?reWriteBatchedInserts=true", user,
                     password)) {
            connection.setAutoCommit(false);
            consumer.subscribe(List.of(IngestTopic.TOPIC));
            int claimed = 0;
            while (claimed < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The baseline claimed " + claimed + " of " + expected
                            + " events within " + timeout.toSeconds() + " s");
                }
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                claimed += apply(connection, records);
                connection.commit();
                consumer.commitSync();
            }
        }
    }

    /** One poll's worth: decode, claim, write what is new. Returns how many events were new. */
    private int apply(Connection connection, ConsumerRecords<String, String> records) throws Exception {
        List<EventEnvelope<?>> decoded = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope<?> event = EventCodec.decode(record.value());
            if (!event.subjectId().equals(record.key())) {
                throw new IllegalStateException("Record key does not match subjectId");
            }
            decoded.add(event);
        }
        Set<UUID> fresh = claim(connection, decoded);
        List<EventEnvelope<?>> toApply = decoded.stream().filter(e -> fresh.remove(e.eventId())).toList();
        Instant now = Instant.now();
        if (kind == Kind.RETENTION) {
            writeTimelines(connection, toApply, now);
        } else {
            writeDisclosures(connection, toApply, now);
        }
        return toApply.size();
    }

    private static Set<UUID> claim(Connection connection, List<EventEnvelope<?>> events) throws Exception {
        try (PreparedStatement claim = connection.prepareStatement("INSERT INTO " + SCHEMA + ".processed_event "
                + "(consumer, event_id) SELECT 'storefront-activity', id FROM unnest(?) AS id ON CONFLICT DO NOTHING "
                + "RETURNING event_id")) {
            Array ids = connection.createArrayOf("uuid", events.stream().map(EventEnvelope::eventId).toArray());
            claim.setArray(1, ids);
            Set<UUID> fresh = new HashSet<>();
            try (ResultSet result = claim.executeQuery()) {
                while (result.next()) {
                    fresh.add(result.getObject(1, UUID.class));
                }
            }
            return fresh;
        }
    }

    private static void writeTimelines(Connection connection, List<EventEnvelope<?>> events, Instant now)
            throws Exception {
        Map<String, Instant[]> anchors = new TreeMap<>();
        try (PreparedStatement entry = connection.prepareStatement("INSERT INTO " + SCHEMA + ".timeline_entry "
                + "(event_id, subject_id, kind, occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?)")) {
            for (EventEnvelope<?> event : events) {
                entry.setObject(1, event.eventId());
                entry.setString(2, event.subjectId());
                entry.setString(3, event.eventType());
                entry.setTimestamp(4, Timestamp.from(event.occurredAt()));
                entry.setTimestamp(5, Timestamp.from(now));
                entry.addBatch();
                Instant order = event.payload() instanceof OrderPlaced ? event.occurredAt() : null;
                anchors.merge(event.subjectId(), new Instant[] {event.occurredAt(), order}, (a, b) -> new Instant[] {
                        max(a[0], b[0]), max(a[1], b[1])});
            }
            entry.executeBatch();
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + SCHEMA + ".subject_timeline "
                + "(subject_id, last_contact_at, last_order_at, updated_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (subject_id) DO UPDATE SET "
                + "last_contact_at = GREATEST(subject_timeline.last_contact_at, EXCLUDED.last_contact_at), "
                + "last_order_at = GREATEST(subject_timeline.last_order_at, EXCLUDED.last_order_at), "
                + "updated_at = EXCLUDED.updated_at")) {
            for (Map.Entry<String, Instant[]> subject : anchors.entrySet()) {
                upsert.setString(1, subject.getKey());
                upsert.setTimestamp(2, Timestamp.from(subject.getValue()[0]));
                upsert.setTimestamp(3, subject.getValue()[1] == null ? null : Timestamp.from(subject.getValue()[1]));
                upsert.setTimestamp(4, Timestamp.from(now));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void writeDisclosures(Connection connection, List<EventEnvelope<?>> events, Instant now)
            throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCHEMA + ".disclosure "
                + "(subject_id, recipient_code, source, reference, data_categories, legal_basis, disclosed_at, "
                + "recorded_at) VALUES (?, ?, 'ORDER', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            Map<String, Array> arrays = new HashMap<>();
            for (EventEnvelope<?> event : events) {
                if (!(event.payload() instanceof OrderPlaced order)) {
                    continue;
                }
                for (String recipient : recipients(order)) {
                    insert.setString(1, event.subjectId());
                    insert.setString(2, recipient);
                    insert.setString(3, order.orderId());
                    insert.setArray(4, arrays.computeIfAbsent(recipient, r -> array(connection, categoriesOf.get(r))));
                    insert.setString(5, basisOf.get(recipient));
                    insert.setTimestamp(6, Timestamp.from(event.occurredAt()));
                    insert.setTimestamp(7, Timestamp.from(now));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static List<String> recipients(OrderPlaced order) {
        List<String> recipients = new ArrayList<>(3);
        if (order.courier() != null) {
            recipients.add(order.courier().name());
        }
        if (order.paymentProvider() != null) {
            recipients.add(order.paymentProvider().name());
        }
        switch (order.salesChannel()) {
            case AMAZON, EBAY -> recipients.add(order.salesChannel().name());
            default -> {
            }
        }
        return recipients;
    }

    /** The registry's data categories and lawful basis per recipient, read once, as the service's registry is. */
    private void loadRegistry(Statement statement) throws Exception {
        Map<String, List<String>> categories = new HashMap<>();
        try (ResultSet rows = statement.executeQuery(
                "SELECT recipient_code, data_category FROM public.recipient_data_category ORDER BY 1, 2")) {
            while (rows.next()) {
                categories.computeIfAbsent(rows.getString(1), c -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        Map<String, String[]> arrays = new HashMap<>();
        categories.forEach((code, list) -> arrays.put(code, list.toArray(String[]::new)));
        categoriesOf = arrays;
        Map<String, String> bases = new HashMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT code, lawful_basis FROM public.recipient")) {
            while (rows.next()) {
                bases.put(rows.getString(1), rows.getString(2));
            }
        }
        basisOf = bases;
    }

    private static Array array(Connection connection, String[] values) {
        try {
            return connection.createArrayOf("varchar", values);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
