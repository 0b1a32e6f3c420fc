package com.justelegance.privacy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Issue 12, item 2: consent checks against bare baselines on the same server and database.
 *
 * <ul>
 *   <li>Single check: {@code GET /api/v1/consent-checks} with a storefront token against {@code GET /}, the
 *       service index every service answers without a token (a constant record through the same HTTP, JAX-RS and
 *       Jackson stack: no database, no health checks). Requests per second at the maximum rate, then the check's
 *       p99 at half its own maximum rate (and the index's p99 at that same rate, for comparison).</li>
 *   <li>Batch check: {@code POST /api/v1/consent-checks} with 10,000 subjects (known, unknown and erased mixed)
 *       against one bare JDBC {@code = ANY(?)} query of the same ids on the same database.</li>
 *   <li>Checks: every answer under load is the expected one, the batch's answers are counted against what was
 *       seeded, and during the single-check load a withdrawal is recorded through the API and the very next check
 *       must refuse.</li>
 * </ul>
 *
 * <p>Seeding is SQL (100,000 known subjects with their decisions and states, 10,000 tombstones), because the volume
 * through the recording API would take minutes and recording is figure 3's subject; the withdrawal probe goes
 * through the API, as the storefront does.
 */
final class ConsentCheckBench implements Benchmark {

    static final int KNOWN = 100_000;
    static final int ERASED = 10_000;
    static final int BATCH_KNOWN = 6_000;
    static final int BATCH_UNKNOWN = 2_000;
    static final int BATCH_ERASED = 2_000;
    /** Consent purpose of the single check: known subjects have granted it. */
    static final String SINGLE_PURPOSE = "EMAIL_MARKETING";
    /**
     * Legitimate-interest purpose of the batch check: unknown subjects are allowed, objecting ones refused, and
     * erased ones must be told apart through their tombstones, so every kind of subject costs what it costs.
     */
    static final String BATCH_PURPOSE = "POST_MARKETING";
    static final String POLICY_VERSION = "2026-11";

    private Settings settings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** What the run needs to know: where things are and how long to measure. */
    record Settings(String serviceUrl, String dbUrl, String dbUser, String dbPassword, String ownerUser,
                    String ownerPassword, String token, String masterKey, int clients, Duration warmUp,
                    Duration duration, int repetitions) {
    }

    /** One repetition's raw numbers. */
    record Repetition(double indexPerSecond, double checkPerSecond, double checkP99AtHalf, double indexP99AtHalf,
                      double halfRate, double batchPerSecond, double jdbcPerSecond, double batchP50Millis,
                      double jdbcP50Millis, long wrongAnswers) {
    }

    /** The whole figure: repetitions, the probe's outcome and the batch count check. */
    record Outcome(List<Repetition> repetitions, int withdrawalProbes, int withdrawalFailures,
                   Map<String, Integer> batchCounts, boolean batchCountsRight) {
    }

    @Override
    public String name() {
        return "consent";
    }

    @Override
    public Section run(BenchSystem system, Options options) throws Exception {
        String service = "consent-service";
        system.ensureRunning(service);
        settings = new Settings(system.url(service), system.databaseUrl(service), system.setting("db.user"),
                system.setting("db.password"), system.setting("owner.user"), system.setting("owner.password"),
                system.token("storefront"), system.masterKey(), options.clients(), options.warmUp(),
                options.duration(), options.repetitions());
        Outcome outcome = measure();
        String pid = Long.toString(system.process(service).pid());
        Path recording = Files.createTempFile("bench-consent-check", ".jfr");
        System.out.println("==> Profiling the single check (JFR, " + settings.duration().toSeconds() + " s)");
        Profile.Summary profile = Profile.record(system.setting("jcmd"), pid, recording,
                () -> singleCheckLoad(settings.duration()));
        Profile.keepOrDelete(recording, options);
        Path batchRecording = Files.createTempFile("bench-consent-batch", ".jfr");
        System.out.println("==> Profiling the batch check (JFR, " + settings.duration().toSeconds() + " s)");
        String batchBody = json.writeValueAsString(Map.of("purpose", BATCH_PURPOSE, "subjectIds", batchSubjects()));
        Profile.Summary batchProfile = Profile.record(system.setting("jcmd"), pid, batchRecording,
                () -> Load.run("batch check (profiled)", 1, Duration.ZERO, settings.duration(), 0,
                        () -> batchOperation(batchBody)));
        Profile.keepOrDelete(batchRecording, options);
        return section(outcome, profile, batchProfile);
    }

    private Outcome measure() throws Exception {
        System.out.println("==> Seeding " + KNOWN + " known subjects and " + ERASED + " erased ones (SQL)");
        seed();
        List<String> batch = batchSubjects();
        String batchBody = json.writeValueAsString(Map.of("purpose", BATCH_PURPOSE, "subjectIds", batch));

        System.out.println("==> Checking the batch answer against what was seeded");
        Map<String, Integer> counts = batchCounts(batch, batchBody);
        boolean countsRight = counts.equals(expectedBatchCounts());
        System.out.println("   counts " + counts + (countsRight ? " (right)" : " WRONG, expected "
                + expectedBatchCounts()));

        AtomicInteger probes = new AtomicInteger();
        AtomicInteger probeFailures = new AtomicInteger();
        List<Repetition> repetitions = new ArrayList<>();
        for (int r = 1; r <= settings.repetitions(); r++) {
            String rep = "rep " + r + "/" + settings.repetitions();
            Load.Result index = Load.run("service index, " + rep, settings.clients(), settings.warmUp(),
                    settings.duration(), 0, this::indexOperation);
            Load.Result check;
            try (WithdrawalProbe probe = new WithdrawalProbe(r, probes, probeFailures)) {
                check = Load.run("single check, " + rep, settings.clients(), settings.warmUp(), settings.duration(),
                        0, this::singleCheckOperation);
            }
            double half = check.perSecond() / 2;
            Load.Result checkHalf = Load.run("single check at " + Math.round(half) + "/s, " + rep,
                    settings.clients(), settings.warmUp(), settings.duration(), half, this::singleCheckOperation);
            Load.Result indexHalf = Load.run("service index at " + Math.round(half) + "/s, " + rep,
                    settings.clients(), settings.warmUp(), settings.duration(), half, this::indexOperation);
            Load.Result service = Load.run("batch check of 10,000, " + rep, 1, settings.warmUp(),
                    settings.duration(), 0, () -> batchOperation(batchBody));
            Load.Result jdbc = Load.run("bare JDBC = ANY of 10,000, " + rep, 1, settings.warmUp(),
                    settings.duration(), 0, () -> jdbcOperation(batch));
            long wrong = index.failures() + check.failures() + checkHalf.failures() + indexHalf.failures()
                    + service.failures() + jdbc.failures();
            Repetition repetition = new Repetition(index.perSecond(), check.perSecond(), checkHalf.p99Millis(),
                    indexHalf.p99Millis(), half, service.perSecond(), jdbc.perSecond(), service.p50Millis(),
                    jdbc.p50Millis(), wrong);
            System.out.printf("   %s: index %.0f/s, check %.0f/s (%.3fx), check p99 %.2f ms at %.0f/s; batch %.2f/s"
                            + " vs JDBC %.2f/s (%.3fx); wrong answers %d%n", rep, index.perSecond(),
                    check.perSecond(), check.perSecond() / index.perSecond(), checkHalf.p99Millis(), half,
                    service.perSecond(), jdbc.perSecond(), service.perSecond() / jdbc.perSecond(), wrong);
            repetitions.add(repetition);
        }
        return new Outcome(repetitions, probes.get(), probeFailures.get(), counts, countsRight);
    }

    /** Runs the single check at the maximum rate for a while (for a profile taken meanwhile). */
    void singleCheckLoad(Duration duration) throws Exception {
        Load.run("single check (profiled)", settings.clients(), Duration.ZERO, duration, 0,
                this::singleCheckOperation);
    }

    // ------------------------------------------------------------------------------------------------ operations

    private Load.Operation indexOperation() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.serviceUrl() + "/")).GET().build();
        return () -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"service\":\"consent-service\"");
        };
    }

    /** Known subjects, picked at random: each has granted EMAIL_MARKETING, so each answer must allow. */
    private Load.Operation singleCheckOperation() {
        Random random = new Random();
        return () -> {
            String subject = knownSubject(random.nextInt(KNOWN));
            HttpResponse<String> response = http.send(checkRequest(subject), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"allowed\":true");
        };
    }

    private Load.Operation batchOperation(String body) {
        return () -> {
            HttpResponse<String> response = http.send(batchRequest(body), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        };
    }

    /** The bare baseline: the same ids in one indexed query on the same database, every row read. */
    private Load.Operation jdbcOperation(List<String> batch) throws Exception {
        Connection connection = DriverManager.getConnection(settings.dbUrl(), settings.dbUser(),
                settings.dbPassword());
        PreparedStatement query = connection.prepareStatement("""
                SELECT subject_id, state, basis, since FROM consent_state
                WHERE purpose_code = ? AND subject_id = ANY(?)""");
        String[] ids = batch.toArray(String[]::new);
        return new Load.Operation() {
            @Override
            public boolean run() throws Exception {
                Array array = connection.createArrayOf("varchar", ids);
                query.setString(1, BATCH_PURPOSE);
                query.setArray(2, array);
                int rows = 0;
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        result.getString(1);
                        result.getString(2);
                        result.getString(3);
                        result.getTimestamp(4);
                        rows++;
                    }
                }
                array.free();
                return rows == BATCH_KNOWN;
            }

            @Override
            public void close() throws Exception {
                connection.close();
            }
        };
    }

    private HttpRequest checkRequest(String subject) {
        return HttpRequest.newBuilder(URI.create(settings.serviceUrl() + "/api/v1/consent-checks?subjectId="
                        + subject + "&purpose=" + SINGLE_PURPOSE))
                .header("Authorization", "Bearer " + settings.token()).GET().build();
    }

    private HttpRequest batchRequest(String body) {
        return HttpRequest.newBuilder(URI.create(settings.serviceUrl() + "/api/v1/consent-checks"))
                .header("Authorization", "Bearer " + settings.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    // ------------------------------------------------------------------------------------------------ the checks

    /**
     * During the single-check load, every half second: a new subject grants EMAIL_MARKETING through the API, then
     * withdraws it; the check sent right after each decision must give the new answer.
     */
    private final class WithdrawalProbe implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        WithdrawalProbe(int repetition, AtomicInteger probes, AtomicInteger failures) {
            thread = Thread.ofPlatform().name("bench-withdrawal-probe").start(() -> {
                int n = 0;
                while (running.get()) {
                    String subject = "bench-w-" + repetition + "-" + (n++);
                    try {
                        boolean ok = decide(subject, "GRANTED") && checkAllows(subject)
                                && decide(subject, "WITHDRAWN") && !checkAllows(subject);
                        probes.incrementAndGet();
                        if (!ok) {
                            failures.incrementAndGet();
                            System.out.println("   withdrawal probe FAILED for " + subject);
                        }
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        probes.incrementAndGet();
                        failures.incrementAndGet();
                        System.out.println("   withdrawal probe FAILED: " + e);
                    }
                }
            });
        }

        private boolean decide(String subject, String state) throws Exception {
            String body = json.writeValueAsString(Map.of(
                    "choices", List.of(Map.of("purpose", SINGLE_PURPOSE, "state", state)),
                    "policyVersion", POLICY_VERSION, "source", "ACCOUNT_SETTINGS", "method", "SAVE"));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.serviceUrl()
                            + "/api/v1/subjects/" + subject + "/consent-decisions"))
                    .header("Authorization", "Bearer " + settings.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                System.out.println("   recording a decision answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.statusCode() == 201;
        }

        private boolean checkAllows(String subject) throws Exception {
            HttpResponse<String> response = http.send(checkRequest(subject), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("check answered " + response.statusCode());
            }
            return json.readTree(response.body()).path("allowed").asBoolean();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.interrupt();
            thread.join();
        }
    }

    /** The batch's answers counted by kind: allowed, objected, erased, other. */
    private Map<String, Integer> batchCounts(List<String> batch, String body) throws Exception {
        HttpResponse<String> response = http.send(batchRequest(body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The batch check answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode results = json.readTree(response.body()).path("results");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode answer = results.get(i);
            String kind;
            if (!answer.path("subjectId").asText().equals(batch.get(i))) {
                kind = "out-of-order";
            } else if (answer.path("allowed").asBoolean()) {
                kind = answer.has("since") ? "allowed-granted" : "allowed-no-record";
            } else {
                kind = answer.path("reason").asText();
            }
            counts.merge(kind, 1, Integer::sum);
        }
        counts.put("total", results.size());
        return counts;
    }

    private static Map<String, Integer> expectedBatchCounts() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("allowed-granted", BATCH_KNOWN / 2);
        expected.put("OBJECTED", BATCH_KNOWN / 2);
        expected.put("allowed-no-record", BATCH_UNKNOWN);
        expected.put("SUBJECT_ERASED", BATCH_ERASED);
        expected.put("total", BATCH_KNOWN + BATCH_UNKNOWN + BATCH_ERASED);
        return expected;
    }

    // ------------------------------------------------------------------------------------------------ data

    static String knownSubject(int i) {
        return "bench-k-" + i;
    }

    /** 6,000 known (half granted, half objecting), 2,000 never seen and 2,000 erased, shuffled the same each run. */
    private static List<String> batchSubjects() {
        List<String> subjects = new ArrayList<>();
        int step = KNOWN / BATCH_KNOWN;
        for (int i = 0; i < BATCH_KNOWN; i++) {
            // Spread over the table, alternately even (granted) and odd (objecting).
            subjects.add(knownSubject(i * step + i % 2));
        }
        for (int i = 0; i < BATCH_UNKNOWN; i++) {
            subjects.add("bench-u-" + i);
        }
        for (int i = 0; i < BATCH_ERASED; i++) {
            subjects.add("bench-e-" + i);
        }
        Collections.shuffle(subjects, new Random(12));
        return subjects;
    }

    /**
     * As the owner role (the service role may not write tombstones): one decision per known subject, its states
     * (EMAIL_MARKETING granted; POST_MARKETING granted for even subjects, objected for odd ones), and tombstones
     * keyed as the kit keys them.
     */
    private void seed() throws Exception {
        try (Connection connection = DriverManager.getConnection(settings.dbUrl(), settings.ownerUser(),
                settings.ownerPassword()); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("TRUNCATE consent_state, consent_choice, subject_tombstone");
            statement.execute("DELETE FROM consent_decision WHERE subject_id LIKE 'bench-k-%'");
            statement.execute("""
                    INSERT INTO consent_decision (id, subject_id, policy_version, source, method, recorded_at,
                                                  wording_hash)
                    SELECT gen_random_uuid(), 'bench-k-' || i, v.version, 'CHECKOUT', 'SAVE',
                           now() - make_interval(secs => i), v.wording_hash
                    FROM generate_series(0, %d) AS i, policy_version v WHERE v.version = '%s'"""
                    .formatted(KNOWN - 1, POLICY_VERSION));
            statement.execute("""
                    INSERT INTO consent_choice (decision_id, purpose_code, state)
                    SELECT d.id, c.purpose, c.state FROM consent_decision d
                    CROSS JOIN LATERAL (VALUES ('EMAIL_MARKETING', 'GRANTED'),
                        ('POST_MARKETING', CASE WHEN substr(d.subject_id, 9)::int %% 2 = 0 THEN 'GRANTED'
                                                ELSE 'OBJECTED' END)) AS c(purpose, state)
                    WHERE d.subject_id LIKE 'bench-k-%%'""".formatted());
            statement.execute("""
                    INSERT INTO consent_state (subject_id, purpose_code, state, decision_id, since, basis)
                    SELECT d.subject_id, c.purpose_code, c.state, d.id, d.recorded_at, p.lawful_basis
                    FROM consent_decision d JOIN consent_choice c ON c.decision_id = d.id
                    JOIN purpose p ON p.code = c.purpose_code
                    WHERE d.subject_id LIKE 'bench-k-%'""");
            try (PreparedStatement tombstone = connection.prepareStatement("""
                    INSERT INTO subject_tombstone (subject_ref, request_id, reason, erased_at, erasures)
                    VALUES (?, ?, 'RETENTION_EXPIRED', now(), 1)""")) {
                byte[] hashKey = hmac(Base64.getDecoder().decode(settings.masterKey().strip()),
                        "keyed-hash".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < ERASED; i++) {
                    tombstone.setString(1, HexFormat.of().formatHex(hmac(hashKey,
                            ("subject:bench-e-" + i).getBytes(StandardCharsets.UTF_8))));
                    tombstone.setString(2, "bench-erasure-" + i);
                    tombstone.addBatch();
                }
                tombstone.executeBatch();
            }
            connection.commit();
            statement.execute("ANALYZE");
        }
    }

    /**
     * The kit's subject reference (KeyedHash.subjectRef over MasterKey.derive(.., "keyed-hash")): HMAC-SHA256.
     * Should the kit's scheme change, the erased subjects stop being found and the batch count check fails.
     */
    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    // ------------------------------------------------------------------------------------------------ the table

    /** Medians of the repetitions; ratios per repetition (service and baseline back to back), then their median. */
    private Section section(Outcome outcome, Profile.Summary profile, Profile.Summary batchProfile) {
        List<Repetition> reps = outcome.repetitions();
        double index = median(reps, Repetition::indexPerSecond);
        double check = median(reps, Repetition::checkPerSecond);
        double checkP99 = median(reps, Repetition::checkP99AtHalf);
        double indexP99 = median(reps, Repetition::indexP99AtHalf);
        double half = median(reps, Repetition::halfRate);
        double batch = median(reps, Repetition::batchPerSecond);
        double jdbc = median(reps, Repetition::jdbcPerSecond);
        double checkRatio = median(reps, r -> r.checkPerSecond() / r.indexPerSecond());
        double p99Ratio = median(reps, r -> r.checkP99AtHalf() / r.indexP99AtHalf());
        double batchRatio = median(reps, r -> r.batchPerSecond() / r.jdbcPerSecond());
        long wrong = reps.stream().mapToLong(Repetition::wrongAnswers).sum();
        Section section = new Section(name(), "Consent checks (item 2)", ("Medians of %d repetitions of %d s after "
                + "a %d s warm-up. 100,000 known subjects and 10,000 erased ones seeded by SQL; the single check asks "
                + "for a random known subject with a storefront token, the batch for 10,000 subjects (6,000 known, "
                + "half objecting; 2,000 unknown; 2,000 erased).").formatted(settings.repetitions(),
                settings.duration().toSeconds(), settings.warmUp().toSeconds()));
        section.target("Single consent check, requests/s (" + settings.clients() + " clients; baseline: GET / "
                        + "without a token)", "%.0f/s".formatted(check), "%.0f/s".formatted(index),
                Section.ratio(checkRatio), ">= 0.5x", checkRatio >= 0.5);
        section.target("Single consent check, p99 at half its maximum rate (%.0f/s; baseline: GET / at the same "
                        .formatted(half) + "rate)", "%.2f ms".formatted(checkP99), "%.2f ms".formatted(indexP99),
                "%.2fx".formatted(p99Ratio), "<= 5 ms", checkP99 <= 5.0);
        section.target("Batch check of 10,000 subjects, batches/s (median latency %.0f ms; baseline: bare JDBC = "
                        .formatted(median(reps, Repetition::batchP50Millis)) + "ANY, %.0f ms)"
                        .formatted(median(reps, Repetition::jdbcP50Millis)), "%.2f/s".formatted(batch),
                "%.2f/s".formatted(jdbc), Section.ratio(batchRatio), ">= 0.7x", batchRatio >= 0.7);
        section.check("Withdrawal visible to the very next check (probes through the API under load)",
                "%d of %d".formatted(outcome.withdrawalProbes() - outcome.withdrawalFailures(),
                        outcome.withdrawalProbes()), "all",
                outcome.withdrawalProbes() > 0 && outcome.withdrawalFailures() == 0);
        section.check("Batch answers counted against the seed " + outcome.batchCounts(),
                outcome.batchCountsRight() ? "right" : "WRONG", "right", outcome.batchCountsRight());
        section.check("Wrong answers under load (every response checked)", Long.toString(wrong), "0", wrong == 0);
        section.raw("repetitions", reps).raw("batchCounts", outcome.batchCounts());
        if (profile != null) {
            section.details(profile.markdown("Where the single check's time goes"));
            section.raw("profileOfSingleCheck", profile);
        }
        if (batchProfile != null) {
            section.details(batchProfile.markdown("Where the batch check's time goes"));
            section.raw("profileOfBatchCheck", batchProfile);
        }
        return section;
    }

    private static double median(List<Repetition> reps, ToDoubleFunction<Repetition> value) {
        return Section.median(reps.stream().mapToDouble(value).toArray());
    }
}
