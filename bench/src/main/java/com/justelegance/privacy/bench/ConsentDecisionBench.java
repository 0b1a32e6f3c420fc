package com.justelegance.privacy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Issue 12, item 3: recording consent decisions, the storefront's checkout path, against a bare JDBC insert of the
 * same rows.
 *
 * <ul>
 *   <li>Checkout: {@code POST /api/v1/subjects/{id}/consent-decisions} with a storefront token, source CHECKOUT,
 *       two purposes granted, proof (IP address, user agent) and the buyer's e-mail address, a new subject each
 *       time, N clients (16) in a closed loop. Baseline: the rows such a decision leaves (subject key, decision,
 *       two choices, two current states, the contact link, two outbox rows), inserted by bare JDBC in one
 *       transaction each, N clients, same database.</li>
 *   <li>Audited: the same decision recorded by customer service (source CUSTOMER_SERVICE), which the service audits
 *       (a staff action), so each one appends to the audit log (chained after commit by the kit's sealer);
 *       baseline: the same rows plus one audit row (into a scratch copy of {@code audit_entry}, so the real chain
 *       stays verifiable).</li>
 *   <li>Checks: decisions counted in the database = decisions acknowledged (201), each with its two states; every
 *       outbox row of the run relayed to the broker; audit entries = audited decisions acknowledged, and the audit
 *       chain verifies and holds every entry, none left unsealed (the service's own verification endpoint).</li>
 * </ul>
 */
final class ConsentDecisionBench implements Benchmark {

    static final String POLICY_VERSION = "2026-11";
    static final List<String> PURPOSES = List.of("EMAIL_MARKETING", "PERSONALISED_EMAILS");
    /** How long the outbox may take to relay what the run wrote once the load stops. */
    static final Duration RELAY_WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private BenchSystem system;
    private String serviceUrl;
    private String storefrontToken;
    private String customerServiceToken;
    /** Subject ids are unique across the whole run: a prefix per phase and repetition, a counter per phase. */
    private final AtomicLong subjectCounter = new AtomicLong();
    private final AtomicLong checkoutAcknowledged = new AtomicLong();
    private final AtomicLong auditedAcknowledged = new AtomicLong();

    /** One repetition's raw numbers. */
    record Repetition(double checkoutPerSecond, double checkoutJdbcPerSecond, double auditedPerSecond,
                      double auditedJdbcPerSecond, double checkoutP50Millis, double checkoutP99Millis,
                      double jdbcP50Millis, long wrongAnswers) {
    }

    /** What the checks afterwards found. */
    record Counts(long checkoutAcknowledged, long checkoutDecisions, long checkoutStates, long auditedAcknowledged,
                  long auditedDecisions, long auditEntries, long outboxRows, long outboxUnsent, boolean chainIntact,
                  long chainEntries, long chainNotSealed) {
    }

    @Override
    public String name() {
        return "decisions";
    }

    @Override
    public Section run(BenchSystem system, Options options) throws Exception {
        this.system = system;
        String service = "consent-service";
        system.ensureRunning(service);
        serviceUrl = system.url(service);
        storefrontToken = system.token("storefront");
        customerServiceToken = system.token("customer-service");
        prepareBaselineTables();

        // The service has just started: its first seconds run interpreted code, which would count against the
        // first repetition only. One untimed round of both kinds of decision first (its decisions are counted too).
        Duration jitWarmUp = Duration.ofSeconds(options.integer("decision-jit-warm-up-seconds", 15));
        Load.run("checkout decisions, JIT warm-up", options.clients(), jitWarmUp, Duration.ZERO, 0,
                () -> decisionOperation("bench-d-", "CHECKOUT", storefrontToken, checkoutAcknowledged));
        Load.run("audited decisions, JIT warm-up", options.clients(), jitWarmUp.dividedBy(3), Duration.ZERO, 0,
                () -> decisionOperation("bench-a-", "CUSTOMER_SERVICE", customerServiceToken, auditedAcknowledged));

        List<Repetition> repetitions = new ArrayList<>();
        for (int r = 1; r <= options.repetitions(); r++) {
            String rep = "rep " + r + "/" + options.repetitions();
            Load.Result checkout = Load.run("checkout decisions, " + rep, options.clients(), options.warmUp(),
                    options.duration(), 0, () -> decisionOperation("bench-d-", "CHECKOUT", storefrontToken,
                            checkoutAcknowledged));
            Load.Result checkoutJdbc = Load.run("bare JDBC rows of a decision, " + rep, options.clients(),
                    options.warmUp(), options.duration(), 0, () -> jdbcOperation("bench-j-", false));
            Load.Result audited = Load.run("audited decisions (customer service), " + rep, options.clients(),
                    options.warmUp(), options.duration(), 0, () -> decisionOperation("bench-a-",
                            "CUSTOMER_SERVICE", customerServiceToken, auditedAcknowledged));
            Load.Result auditedJdbc = Load.run("bare JDBC rows of an audited decision, " + rep, options.clients(),
                    options.warmUp(), options.duration(), 0, () -> jdbcOperation("bench-ja-", true));
            long wrong = checkout.failures() + checkoutJdbc.failures() + audited.failures() + auditedJdbc.failures();
            repetitions.add(new Repetition(checkout.perSecond(), checkoutJdbc.perSecond(), audited.perSecond(),
                    auditedJdbc.perSecond(), checkout.p50Millis(), checkout.p99Millis(), checkoutJdbc.p50Millis(),
                    wrong));
            System.out.printf("   %s: checkout %.0f/s vs JDBC %.0f/s (%.3fx); audited %.0f/s vs JDBC %.0f/s (%.3fx);"
                            + " wrong answers %d%n", rep, checkout.perSecond(), checkoutJdbc.perSecond(),
                    checkout.perSecond() / checkoutJdbc.perSecond(), audited.perSecond(), auditedJdbc.perSecond(),
                    audited.perSecond() / auditedJdbc.perSecond(), wrong);
        }

        Profile.Summary profile = null;
        if (!options.flag("no-profile")) {
            Path recording = Files.createTempFile("bench-consent-decisions", ".jfr");
            System.out.println("==> Profiling checkout decisions (JFR, " + options.duration().toSeconds() + " s)");
            profile = Profile.record(system.setting("jcmd"), Long.toString(system.process(service).pid()), recording,
                    () -> Load.run("checkout decisions (profiled)", options.clients(), Duration.ZERO,
                            options.duration(), 0, () -> decisionOperation("bench-d-", "CHECKOUT", storefrontToken,
                                    checkoutAcknowledged)));
            Profile.keepOrDelete(recording, options);
        }
        System.out.println("==> Counting what was recorded, waiting for the outbox and verifying the audit chain");
        Counts counts = counts();
        System.out.println("   " + counts);
        return section(options, repetitions, counts, profile);
    }

    // ------------------------------------------------------------------------------------------------ operations

    /**
     * One client recording decisions for new subjects through the API; counts every 201 (warm-up included), since
     * the database is counted against them afterwards.
     */
    private Load.Operation decisionOperation(String prefix, String source, String token, AtomicLong acknowledged) {
        String client = prefix + subjectCounter.incrementAndGet() + "-";
        AtomicInteger n = new AtomicInteger();
        return () -> {
            String subject = client + n.incrementAndGet();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(serviceUrl
                            + "/api/v1/subjects/" + subject + "/consent-decisions"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(decisionBody(subject, source))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                acknowledged.incrementAndGet();
                return response.body().contains("\"decisionId\"");
            }
            return false;
        };
    }

    /** A checkout's decision: two e-mail purposes granted, with proof and the buyer's address. */
    private String decisionBody(String subject, String source) throws Exception {
        return json.writeValueAsString(Map.of(
                "choices", PURPOSES.stream().map(p -> Map.of("purpose", p, "state", "GRANTED")).toList(),
                "policyVersion", POLICY_VERSION, "source", source, "method", "ACCEPT",
                "decidedAt", Instant.now().toString(),
                "proof", Map.of("ipAddress", "203.0.113." + (subject.hashCode() & 0x7f),
                        "userAgent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
                                + "Gecko) Chrome/131.0 Safari/537.36"),
                "contactIdentifiers", List.of(Map.of("type", "EMAIL", "value", subject + "@example.com"))));
    }

    /**
     * The bare baseline: the rows a checkout decision leaves, inserted in one transaction on a connection of the
     * client's own (as the service role): the subject's wrapped key, the decision with its encrypted proof, its
     * choices, the current states, the contact link, the outbox rows (marked sent, so the service's relay does not
     * publish them), and for the audited variant one audit row (into {@code bench_audit_entry}, the same shape as
     * {@code audit_entry}).
     */
    private Load.Operation jdbcOperation(String prefix, boolean audited) throws Exception {
        Connection connection = system.connect("consent-service");
        connection.setAutoCommit(false);
        PreparedStatement key = connection.prepareStatement(
                "INSERT INTO subject_key (subject_id, wrapped_key) VALUES (?, ?)");
        PreparedStatement decision = connection.prepareStatement("""
                INSERT INTO consent_decision (id, subject_id, policy_version, source, method, client_decided_at,
                                              recorded_at, wording_hash, proof_ciphertext)
                VALUES (?, ?, ?, ?, 'ACCEPT', ?, ?, ?, ?)""");
        PreparedStatement choice = connection.prepareStatement(
                "INSERT INTO consent_choice (decision_id, purpose_code, state) VALUES (?, ?, 'GRANTED')");
        PreparedStatement state = connection.prepareStatement("""
                INSERT INTO consent_state (subject_id, purpose_code, state, decision_id, since, basis)
                VALUES (?, ?, 'GRANTED', ?, ?, 'CONSENT')""");
        PreparedStatement contact = connection.prepareStatement("""
                INSERT INTO subject_contact (subject_id, identifier_hash, identifier_type, added_at)
                VALUES (?, ?, 'EMAIL', ?)""");
        PreparedStatement outbox = connection.prepareStatement("""
                INSERT INTO outbox_event (event_id, topic, event_key, event_type, payload, sent_at)
                VALUES (?, 'privacy.consent.v1', ?, 'ConsentChanged', CAST(? AS jsonb), now())""");
        PreparedStatement audit = connection.prepareStatement("""
                INSERT INTO bench_audit_entry (occurred_at, actor, action, subject_ref, details, prev_hash, hash)
                VALUES (?, 'bench-customer-service', 'consent.decision.recorded', ?, ?, ?, ?)""");
        String wordingHash;
        try (Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT wording_hash FROM policy_version WHERE version = '"
                     + POLICY_VERSION + "'")) {
            row.next();
            wordingHash = row.getString(1);
        }
        connection.commit();
        String client = prefix + subjectCounter.incrementAndGet() + "-";
        AtomicInteger n = new AtomicInteger();
        return new Load.Operation() {
            @Override
            public boolean run() throws Exception {
                String subject = client + n.incrementAndGet();
                Timestamp now = Timestamp.from(Instant.now());
                UUID decisionId = UUID.randomUUID();
                key.setString(1, subject);
                key.setBytes(2, randomBytes(60));
                key.executeUpdate();
                decision.setObject(1, decisionId);
                decision.setString(2, subject);
                decision.setString(3, POLICY_VERSION);
                decision.setString(4, audited ? "CUSTOMER_SERVICE" : "CHECKOUT");
                decision.setTimestamp(5, now);
                decision.setTimestamp(6, now);
                decision.setString(7, wordingHash);
                decision.setBytes(8, randomBytes(160));
                decision.executeUpdate();
                for (String purpose : PURPOSES) {
                    choice.setObject(1, decisionId);
                    choice.setString(2, purpose);
                    choice.addBatch();
                    state.setString(1, subject);
                    state.setString(2, purpose);
                    state.setObject(3, decisionId);
                    state.setTimestamp(4, now);
                    state.addBatch();
                    outbox.setObject(1, UUID.randomUUID());
                    outbox.setString(2, subject);
                    outbox.setString(3, eventJson(subject, decisionId, purpose, now.toInstant()));
                    outbox.addBatch();
                }
                choice.executeBatch();
                state.executeBatch();
                contact.setString(1, subject);
                contact.setString(2, hex(randomBytes(32)));
                contact.setTimestamp(3, now);
                contact.executeUpdate();
                outbox.executeBatch();
                if (audited) {
                    audit.setTimestamp(1, now);
                    audit.setString(2, hex(randomBytes(32)));
                    audit.setString(3, "{\"changed\":2,\"choices\":2,\"source\":\"CUSTOMER_SERVICE\"}");
                    audit.setString(4, hex(randomBytes(32)));
                    audit.setString(5, hex(randomBytes(32)));
                    audit.executeUpdate();
                }
                connection.commit();
                return true;
            }

            @Override
            public void close() throws Exception {
                connection.close();
            }
        };
    }

    /** An envelope the size and shape of the service's ConsentChanged. */
    private static String eventJson(String subject, UUID decisionId, String purpose, Instant at) {
        return ("{\"eventId\":\"%s\",\"eventType\":\"ConsentChanged\",\"schemaVersion\":1,\"occurredAt\":\"%s\","
                + "\"producer\":\"consent-service\",\"subjectId\":\"%s\",\"correlationId\":null,\"payload\":{"
                + "\"decisionId\":\"%s\",\"purpose\":\"%s\",\"channel\":\"EMAIL\",\"state\":\"GRANTED\","
                + "\"basis\":\"CONSENT\",\"policyVersion\":\"%s\",\"source\":\"CHECKOUT\",\"method\":\"ACCEPT\","
                + "\"effectiveAt\":\"%s\"}}").formatted(UUID.randomUUID(), at, subject, decisionId, purpose,
                POLICY_VERSION, at);
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A scratch copy of the audit table for the baseline's audit rows, made by the schema owner. */
    private void prepareBaselineTables() throws Exception {
        try (Connection owner = system.connectAsOwner("consent-service");
             Statement statement = owner.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_audit_entry");
            // Its own id sequence, so the real chain's ids are not used up by the baseline.
            statement.execute("CREATE TABLE bench_audit_entry (LIKE audit_entry INCLUDING ALL EXCLUDING DEFAULTS)");
            statement.execute("ALTER TABLE bench_audit_entry ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY");
            statement.execute("GRANT SELECT, INSERT ON bench_audit_entry TO " + system.setting("db.user"));
        }
    }

    // ------------------------------------------------------------------------------------------------ the checks

    private Counts counts() throws Exception {
        long outboxRows;
        long unsent;
        Instant deadline = Instant.now().plus(RELAY_WAIT);
        try (Connection connection = system.connect("consent-service")) {
            while (true) {
                long[] outbox = longs(connection, """
                        SELECT count(*), count(*) FILTER (WHERE sent_at IS NULL) FROM outbox_event
                        WHERE event_key LIKE 'bench-d-%' OR event_key LIKE 'bench-a-%'""");
                outboxRows = outbox[0];
                unsent = outbox[1];
                if (unsent == 0 || Instant.now().isAfter(deadline)) {
                    break;
                }
                Thread.sleep(500);
            }
            long[] checkout = longs(connection, """
                    SELECT (SELECT count(*) FROM consent_decision WHERE subject_id LIKE 'bench-d-%'),
                           (SELECT count(*) FROM consent_state WHERE subject_id LIKE 'bench-d-%' AND state = 'GRANTED')""");
            long[] audited = longs(connection, """
                    SELECT (SELECT count(*) FROM consent_decision WHERE subject_id LIKE 'bench-a-%'),
                           (SELECT count(*) FROM audit_entry WHERE action = 'consent.decision.recorded')""");
            // Entries are chained after commit, once every older transaction of the database cluster has ended
            // (docs/decisions/0015): other runs on the same cluster may hold that back for a while.
            JsonNode verification = AuditVerificationBench.verification(system, "consent-service");
            while (verification.path("entriesNotSealed").asLong(-1) != 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                verification = AuditVerificationBench.verification(system, "consent-service");
            }
            return new Counts(checkoutAcknowledged.get(), checkout[0], checkout[1], auditedAcknowledged.get(),
                    audited[0], audited[1], outboxRows, unsent, verification.path("intact").asBoolean(false),
                    verification.path("entriesChecked").asLong(-1), verification.path("entriesNotSealed").asLong(-1));
        }
    }

    private static long[] longs(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            long[] values = new long[row.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getLong(i + 1);
            }
            return values;
        }
    }

    // ------------------------------------------------------------------------------------------------ the table

    private Section section(Options options, List<Repetition> reps, Counts counts, Profile.Summary profile) {
        double checkout = median(reps, Repetition::checkoutPerSecond);
        double checkoutJdbc = median(reps, Repetition::checkoutJdbcPerSecond);
        double audited = median(reps, Repetition::auditedPerSecond);
        double auditedJdbc = median(reps, Repetition::auditedJdbcPerSecond);
        double checkoutRatio = median(reps, r -> r.checkoutPerSecond() / r.checkoutJdbcPerSecond());
        double auditedRatio = median(reps, r -> r.auditedPerSecond() / r.auditedJdbcPerSecond());
        long wrong = reps.stream().mapToLong(Repetition::wrongAnswers).sum();
        Section section = new Section(name(), "Recording consent decisions (item 3)", ("Medians of %d repetitions "
                + "of %d s after a %d s warm-up, %d clients, a new subject per decision: two e-mail purposes granted "
                + "with proof (IP address, user agent) and the buyer's e-mail address. The baseline inserts the same "
                + "rows by bare JDBC, one transaction per decision, on the same database.").formatted(
                options.repetitions(), options.duration().toSeconds(), options.warmUp().toSeconds(),
                options.clients()));
        section.target("Checkout decisions/s (storefront token, source CHECKOUT; baseline: bare JDBC inserts of "
                        + "the same rows)", "%.0f/s".formatted(checkout), "%.0f/s".formatted(checkoutJdbc),
                Section.ratio(checkoutRatio), ">= 0.5x", checkoutRatio >= 0.5);
        section.info("Checkout decision latency at the maximum rate, p50 / p99 (baseline: JDBC p50)",
                "%.1f / %.1f ms".formatted(median(reps, Repetition::checkoutP50Millis),
                        median(reps, Repetition::checkoutP99Millis)),
                "%.1f ms".formatted(median(reps, Repetition::jdbcP50Millis)), "");
        section.info("Audited decisions/s (customer service: one hash-chained audit entry each; baseline: the same "
                        + "rows and an audit row)", "%.0f/s".formatted(audited), "%.0f/s".formatted(auditedJdbc),
                Section.ratio(auditedRatio));
        section.check("Checkout decisions in the database = decisions acknowledged (201), two states each",
                "%d decisions, %d states".formatted(counts.checkoutDecisions(), counts.checkoutStates()),
                "%d and %d".formatted(counts.checkoutAcknowledged(), 2 * counts.checkoutAcknowledged()),
                counts.checkoutAcknowledged() > 0 && counts.checkoutDecisions() == counts.checkoutAcknowledged()
                        && counts.checkoutStates() == 2 * counts.checkoutAcknowledged());
        long decisionsMade = counts.checkoutAcknowledged() + counts.auditedAcknowledged();
        section.check("Outbox rows relayed to the broker (within %d s of the end)".formatted(RELAY_WAIT.toSeconds()),
                "%d of %d".formatted(counts.outboxRows() - counts.outboxUnsent(), counts.outboxRows()),
                "all %d".formatted(2 * decisionsMade),
                counts.outboxUnsent() == 0 && counts.outboxRows() == 2 * decisionsMade);
        section.check("Audit entries = audited decisions acknowledged (in the database)",
                "%d entries, %d decisions".formatted(counts.auditEntries(), counts.auditedDecisions()),
                Long.toString(counts.auditedAcknowledged()),
                counts.auditedAcknowledged() > 0 && counts.auditEntries() == counts.auditedAcknowledged()
                        && counts.auditedDecisions() == counts.auditedAcknowledged());
        section.check("Audit chain verifies and holds every entry (GET /api/v1/audit-log/verification)",
                (counts.chainIntact() ? "intact" : "BROKEN") + ", %d entries sealed, %d not".formatted(
                        counts.chainEntries(), counts.chainNotSealed()),
                "intact, >= %d sealed, 0 not".formatted(counts.auditEntries()),
                counts.chainIntact() && counts.chainNotSealed() == 0
                        && counts.chainEntries() >= counts.auditEntries());
        section.check("Wrong answers under load (every response checked)", Long.toString(wrong), "0", wrong == 0);
        section.raw("repetitions", reps).raw("counts", counts);
        if (profile != null) {
            section.details(profile.markdown("Where a checkout decision's time goes"));
            section.raw("profileOfCheckoutDecisions", profile);
        }
        return section;
    }

    private static double median(List<Repetition> reps, ToDoubleFunction<Repetition> value) {
        return Section.median(reps.stream().mapToDouble(value).toArray());
    }
}
