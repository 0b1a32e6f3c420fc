package com.justelegance.privacy.system;

import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestDatabase;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TestInfrastructure;
import com.justelegance.privacy.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static com.justelegance.privacy.system.RunningSystem.Service.CONSENT;
import static com.justelegance.privacy.system.RunningSystem.Service.DISCLOSURE;
import static com.justelegance.privacy.system.RunningSystem.Service.DSR;
import static com.justelegance.privacy.system.RunningSystem.Service.RETENTION;
import static com.justelegance.privacy.system.RunningSystem.url;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

/**
 * Proof of deletion: once a person's erasure has completed, the canary values they gave us (name, e-mail address,
 * phone number, postal address, the IP address their consent was given from) are found nowhere we keep anything:
 * not in any Kafka topic (every record's key, value and headers, dead-letter topics included), not in any log of
 * the services, the storefront simulator or the console, not in any outbox row, and not in a {@code pg_dump} of
 * any service's database (searched as text and as the hex a {@code bytea} column dumps to).
 *
 * <p>Each search is shown to work first: it finds a value that is meant to be there (the subject id on the topics,
 * the case's reference in dsr-service's dump), so an empty search is not a search that read nothing.
 */
@ExtendWith(RunningSystem.class)
class ProofOfDeletionTest {

    @Test
    void afterAnErasureNoCanaryValueIsLeftInKafkaLogsOutboxesOrDatabaseDumps() throws Exception {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String subject = "cust-canary-" + tag;
        long digits = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        Map<String, String> canaries = new LinkedHashMap<>();
        canaries.put("name", "Ottoline Canary" + tag);
        canaries.put("email", "ottoline.canary." + tag + "@example.com");
        canaries.put("phone", "+44 7700 " + digits);
        canaries.put("postal address", tag + " Canary Wharf Lane, Testford");
        canaries.put("IP address", "2001:db8:" + tag.substring(0, 4) + ":" + tag.substring(4, 8) + "::" + tag.substring(8));

        // They shop: consent at checkout from their IP address, an order the storefront reports.
        given().baseUri(url(CONSENT))
                .header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType(ContentType.JSON)
                .body(Map.of("choices", List.of(Map.of("purpose", "EMAIL_MARKETING", "state", "GRANTED")),
                        "policyVersion", "2026-11", "source", "CHECKOUT", "method", "ACCEPT",
                        "proof", Map.of("ipAddress", canaries.get("IP address"), "userAgent", "CanaryBrowser/" + tag),
                        "contactIdentifiers", List.of(Map.of("type", "EMAIL", "value", canaries.get("email")))))
                .when().post("/api/v1/subjects/{subject}/consent-decisions", subject)
                .then().statusCode(201);
        String orderId = "ord-canary-" + tag;
        TestEvents.send(Topics.STOREFRONT_ACTIVITY, subject, """
                {"eventId": "%s", "eventType": "OrderPlaced", "schemaVersion": 1, "occurredAt": "%s",
                 "subjectId": "%s", "producer": "storefront", "correlationId": null,
                 "payload": {"orderId": "%s", "salesChannel": "WEBSITE", "courier": "DPD", "paymentProvider": "PAYPAL"}}
                """.formatted(UUID.randomUUID(), Instant.now(), subject, orderId));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().baseUri(url(DISCLOSURE))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/disclosures", subject)
                .then().statusCode(200).body("reference", org.hamcrest.Matchers.hasItem(orderId)));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().baseUri(url(RETENTION))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/timeline", subject)
                .then().statusCode(200));

        // They ask for erasure, giving every way to reach them; staff carry it out; it completes.
        Map<String, Object> requester = new LinkedHashMap<>();
        requester.put("name", canaries.get("name"));
        requester.put("email", canaries.get("email"));
        requester.put("phone", canaries.get("phone"));
        requester.put("postalAddress", canaries.get("postal address"));
        requester.put("message", "Erase everything. I live at " + canaries.get("postal address") + ", call me on "
                + canaries.get("phone") + ".");
        JsonPath opened = given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .contentType(ContentType.JSON)
                .body(Map.of("type", "ERASURE", "channel", "EMAIL", "requester", requester, "subjectId", subject))
                .when().post("/api/v1/requests")
                .then().statusCode(201).extract().jsonPath();
        String caseId = opened.getString("id");
        String reference = opened.getString("reference");
        ErasureCases.requestErasure(caseId);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !ErasureCases.caseStatus(caseId).equals("AWAITING_OTHER_SERVICES"));
        assertThat(ErasureCases.caseStatus(caseId), is(oneOf("COMPLETED", "PARTIALLY_COMPLETED")));
        assertThat(ErasureCases.erasure(caseId).getList("awaiting"), empty());
        // The completion letter went out and its outbox rows are relayed: what is left now is what stays.
        Mailboxes.awaitLetter(canaries.get("email"), "Your request", reference);

        // Kafka: every record of every topic, dead-letter topics included.
        String topics = everyRecordOnTheBroker();
        assertThat("the topic search reads records (the subject id is on the erasure topics)", topics,
                containsString(subject));
        assertNoCanary("Kafka", topics, canaries);

        // Logs of every process.
        for (RunningSystem.Service service : RunningSystem.Service.values()) {
            assertNoCanary(service + " log", RunningSystem.log(service), canaries);
        }
        assertNoCanary("storefront simulator log", RunningSystem.storefrontLog(), canaries);
        assertNoCanary("privacy console log", RunningSystem.consoleLog(), canaries);

        // Outbox rows and whole-database dumps.
        for (RunningSystem.Service service : RunningSystem.Service.values()) {
            assertNoCanary(service + " outbox", outboxRows(service), canaries);
            String dump = pgDump(service);
            if (service == DSR) {
                assertThat("the dump search reads data (the case's reference is in dsr-service's dump)", dump,
                        containsString(reference));
            }
            assertNoCanary(service + " pg_dump", dump, canaries);
        }
    }

    /** Fails naming where a canary was found and which one, never printing the value itself. */
    private static void assertNoCanary(String where, String haystack, Map<String, String> canaries) {
        String text = haystack.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        canaries.forEach((kind, value) -> {
            String needle = value.toLowerCase(Locale.ROOT);
            String hex = HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8));
            if (text.contains(needle) || text.contains(hex)) {
                found.add(kind);
            }
        });
        assertThat("canary values found in " + where, found, equalTo(List.of()));
    }

    /** Keys, values and headers of every record on every topic of the test broker, read from the beginning. */
    private static String everyRecordOnTheBroker() throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
        Set<String> topics;
        try (Admin client = Admin.create(admin)) {
            topics = client.listTopics().names().get(30, TimeUnit.SECONDS);
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        ByteArrayOutputStream everything = new ByteArrayOutputStream();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(120);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Could not read every topic to its end within 120 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    write(everything, record.key());
                    write(everything, record.value());
                    for (Header header : record.headers()) {
                        write(everything, header.key().getBytes(StandardCharsets.UTF_8));
                        write(everything, header.value());
                    }
                }
            }
        }
        return everything.toString(StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        if (bytes != null) {
            out.writeBytes(bytes);
            out.write('\n');
        }
    }

    /** Every row of the kit's outbox in a service's database, as text. */
    private static String outboxRows(RunningSystem.Service service) throws Exception {
        StringBuilder rows = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(RunningSystem.database(service).jdbcUrl(),
                TestDatabase.ownerUser(), TestDatabase.ownerPassword());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT o::text FROM outbox_event o")) {
            while (result.next()) {
                rows.append(result.getString(1)).append('\n');
            }
        }
        return rows.toString();
    }

    /** {@code pg_dump} of a service's whole database (schema and data), as its owner sees it. */
    private static String pgDump(RunningSystem.Service service) throws Exception {
        TestDatabase database = RunningSystem.database(service);
        ProcessBuilder builder = new ProcessBuilder("pg_dump", "--no-password", "-h", database.host(), "-p",
                database.port(), "-U", TestDatabase.ownerUser(), "-d", database.name());
        builder.environment().put("PGPASSWORD", TestDatabase.ownerPassword());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        byte[] dump = process.getInputStream().readAllBytes();
        assertThat("pg_dump of " + database.name() + " exits 0", process.waitFor(), equalTo(0));
        return new String(dump, StandardCharsets.UTF_8);
    }

}
