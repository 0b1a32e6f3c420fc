package com.justelegance.privacy.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issue 12, item 4: the retention purge of {@code --purge-subjects} (1,000; the volume is 100,000) expired subjects through the real
 * path, against a plain batched SQL delete of the same rows in the same databases.
 *
 * <p>Seeding, by SQL as each schema's owner (100,000 subjects through the events would take longer than the purge
 * and is item 1's figure): in retention a timeline whose last contact was seven years ago and whose erasure was due
 * a year ago, with its contact entry; in consent-service a decision with its choice and current state; in
 * disclosure-service two ledger entries (Royal Mail, Worldpay) and a consent projection. The storefront holds
 * nothing for them and answers each request with an empty receipt, as it does for a subject it never knew.
 *
 * <ul>
 *   <li>Baseline: {@code DELETE .. WHERE subject_id = ANY(?)} of every seeded row, 1,000 subjects a transaction,
 *       database after database, on the same server.</li>
 *   <li>The purge, after seeding again: {@code POST /api/v1/purge-runs} as the privacy officer, timed until the run
 *       log says every erasure it requested is confirmed by every expected participant (consent, retention,
 *       disclosure, storefront): the job, the events, each service's erasure with its tombstone, audit entry and
 *       receipt, and retention closing each request.</li>
 *   <li>Checks: the run requested exactly the seeded subjects and every one is confirmed; no seeded row is left in
 *       any database; each service has a tombstone more per subject.</li>
 * </ul>
 * Then where the time went, from retention's receipt records (when each participant had answered all), and a JFR
 * profile of the three services during a smaller run ({@code --purge-profile-subjects}, 200; 0 for none).
 */
final class PurgeBench implements Benchmark {

    static final String PREFIX = "bench-p-";
    static final int DELETE_BATCH = 1_000;
    static final List<String> SERVICES = List.of("consent-service", "disclosure-service", "retention-service");

    /** One purge's figures. */
    record Run(int subjects, double seconds, int requested, int confirmed, Map<String, Double> lastReceiptSeconds,
               double requestingSeconds) {
    }

    @Override
    public String name() {
        return "purge";
    }

    @Override
    public Section run(BenchSystem system, Options options) throws Exception {
        // 1,000 by default, not the 100,000: at today's rate (2-20 subjects a second, the README) the full
        // volume takes hours. Both sides cost per subject, so the ratio holds; --purge-subjects 100000 runs it.
        int subjects = options.integer("purge-subjects", 1_000);
        int profileSubjects = Math.min(subjects, options.integer("purge-profile-subjects", 200));
        system.startAll();
        FlowApi api = new FlowApi(system);

        System.out.println("==> Seeding " + subjects + " expired subjects (SQL) for the baseline");
        seed(system, 0, subjects);
        double baselineSeconds = deleteBySql(system, subjects);
        System.out.printf("   plain batched SQL delete: %.1f s%n", baselineSeconds);
        Map<String, Integer> afterBaseline = leftovers(system);

        Map<String, Integer> tombstonesBefore = tombstones(system);
        System.out.println("==> Seeding " + subjects + " expired subjects again (SQL) for the purge");
        seed(system, 0, subjects);
        Run purge = purge(system, api, subjects);
        Map<String, Integer> left = leftovers(system);
        Map<String, Integer> tombstonesAfter = tombstones(system);

        Profile.Summary[] profiles = new Profile.Summary[SERVICES.size()];
        if (profileSubjects > 0) {
            System.out.println("==> Profiling the three services (JFR) over a purge of " + profileSubjects);
            seed(system, subjects, profileSubjects);
            profileAll(system, 0, profiles, () -> purge(system, api, profileSubjects));
        }
        return section(subjects, baselineSeconds, afterBaseline, purge, left, tombstonesBefore, tombstonesAfter,
                profiles, profileSubjects);
    }

    /** JFR on every service at once, around one workload (nested, one service per level). */
    private static void profileAll(BenchSystem system, int level, Profile.Summary[] profiles, Profile.Workload work)
            throws Exception {
        if (level == SERVICES.size()) {
            work.run();
            return;
        }
        Path recording = Files.createTempFile("bench-purge-" + SERVICES.get(level), ".jfr");
        profiles[level] = Profile.record(system.setting("jcmd"),
                Long.toString(system.process(SERVICES.get(level)).pid()), recording,
                () -> profileAll(system, level + 1, profiles, work));
        Files.deleteIfExists(recording);
    }

    // ------------------------------------------------------------------------------------------------ the purge

    private Run purge(BenchSystem system, FlowApi api, int subjects) throws Exception {
        String retention = system.url("retention-service");
        System.out.println("==> Purge of " + subjects + " through the real path (POST /api/v1/purge-runs)");
        long start = System.nanoTime();
        JsonNode run = api.expect(201, api.post("privacy-officer", retention + "/api/v1/purge-runs", null),
                "Starting a purge run");
        String runId = run.path("runId").asText();
        JsonNode view = run;
        long lastPrint = System.nanoTime();
        while (!(view.path("status").asText().equals("COMPLETED") || view.path("finishedAt").isTextual())
                || view.path("erasuresConfirmed").asInt() < view.path("erasuresRequested").asInt()) {
            if (System.nanoTime() - start > Duration.ofHours(2).toNanos()) {
                throw new IllegalStateException("The purge did not finish within 2 h");
            }
            Thread.sleep(200);
            view = api.expect(200, api.get("privacy-officer", retention + "/api/v1/purge-runs/" + runId),
                    "Reading the purge run");
            if (System.nanoTime() - lastPrint > Duration.ofSeconds(10).toNanos()) {
                System.out.printf("   %.0f s: %s, %d requested, %d confirmed%n", (System.nanoTime() - start) / 1e9,
                        view.path("status").asText(), view.path("erasuresRequested").asInt(),
                        view.path("erasuresConfirmed").asInt());
                lastPrint = System.nanoTime();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("   purge: %.1f s, %d requested, %d confirmed%n", seconds,
                view.path("erasuresRequested").asInt(), view.path("erasuresConfirmed").asInt());
        Map<String, Double> lastReceipts = new LinkedHashMap<>();
        double requesting;
        try (Connection connection = system.connectAsOwner("retention-service")) {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT r.service, extract(epoch FROM max(r.completed_at) - p.started_at)
                    FROM erasure_receipt_record r JOIN requested_erasure e ON e.request_id = r.request_id
                    JOIN purge_run p ON p.id = e.group_id
                    WHERE p.id = ?::uuid GROUP BY r.service, p.started_at ORDER BY 2""")) {
                query.setString(1, runId);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        lastReceipts.put(result.getString(1), result.getDouble(2));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT extract(epoch FROM finished_at - started_at) FROM purge_run WHERE id = ?::uuid")) {
                query.setString(1, runId);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    requesting = result.getDouble(1);
                }
            }
        }
        lastReceipts.forEach((service, at) -> System.out.printf("   %s answered its last at %.1f s%n", service, at));
        return new Run(subjects, seconds, view.path("erasuresRequested").asInt(),
                view.path("erasuresConfirmed").asInt(), lastReceipts, requesting);
    }

    // ------------------------------------------------------------------------------------------------ baseline

    /** Deletes every seeded row, 1,000 subjects a transaction, database after database; seconds. */
    private static double deleteBySql(BenchSystem system, int subjects) throws Exception {
        Map<String, List<String>> statements = Map.of(
                "retention-service", List.of("DELETE FROM timeline_entry WHERE subject_id = ANY(?)",
                        "DELETE FROM subject_timeline WHERE subject_id = ANY(?)"),
                "consent-service", List.of("DELETE FROM consent_state WHERE subject_id = ANY(?)",
                        "DELETE FROM consent_choice WHERE decision_id IN (SELECT id FROM consent_decision "
                                + "WHERE subject_id = ANY(?))",
                        "DELETE FROM consent_decision WHERE subject_id = ANY(?)"),
                "disclosure-service", List.of("DELETE FROM disclosure WHERE subject_id = ANY(?)",
                        "DELETE FROM subject_consent WHERE subject_id = ANY(?)"));
        long start = System.nanoTime();
        for (String service : SERVICES) {
            try (Connection connection = system.connectAsOwner(service)) {
                connection.setAutoCommit(false);
                for (int from = 0; from < subjects; from += DELETE_BATCH) {
                    String[] ids = new String[Math.min(DELETE_BATCH, subjects - from)];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = PREFIX + (from + i);
                    }
                    Array array = connection.createArrayOf("varchar", ids);
                    for (String sql : statements.get(service)) {
                        try (PreparedStatement delete = connection.prepareStatement(sql)) {
                            delete.setArray(1, array);
                            delete.executeUpdate();
                        }
                    }
                    connection.commit();
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    // ------------------------------------------------------------------------------------------------ data

    /** Seeds subjects {@code bench-p-<from>..<from+count-1>}, expired, in the three services' databases. */
    private static void seed(BenchSystem system, int from, int count) throws Exception {
        int to = from + count - 1;
        try (Connection connection = system.connectAsOwner("retention-service");
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO subject_timeline (subject_id, last_contact_at, updated_at, last_order_at,
                                                  erasure_due_at)
                    SELECT '%1$s' || i, now() - interval '7 years', now(), now() - interval '7 years',
                           now() - interval '1 year'
                    FROM generate_series(%2$d, %3$d) AS i""".formatted(PREFIX, from, to));
            statement.execute("""
                    INSERT INTO timeline_entry (event_id, subject_id, kind, occurred_at, recorded_at)
                    SELECT gen_random_uuid(), '%1$s' || i, 'OrderPlaced', now() - interval '7 years', now()
                    FROM generate_series(%2$d, %3$d) AS i""".formatted(PREFIX, from, to));
            statement.execute("ANALYZE subject_timeline, timeline_entry");
        }
        try (Connection connection = system.connectAsOwner("consent-service");
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO consent_decision (id, subject_id, policy_version, source, method, recorded_at,
                                                  wording_hash)
                    SELECT gen_random_uuid(), '%1$s' || i, v.version, 'CHECKOUT', 'SAVE',
                           now() - interval '7 years', v.wording_hash
                    FROM generate_series(%2$d, %3$d) AS i, policy_version v WHERE v.version = '2026-11'"""
                    .formatted(PREFIX, from, to));
            statement.execute("""
                    INSERT INTO consent_choice (decision_id, purpose_code, state)
                    SELECT d.id, 'EMAIL_MARKETING', 'GRANTED' FROM consent_decision d
                    WHERE d.subject_id LIKE '%s%%' AND NOT EXISTS (SELECT 1 FROM consent_choice c
                                                                  WHERE c.decision_id = d.id)""".formatted(PREFIX));
            statement.execute("""
                    INSERT INTO consent_state (subject_id, purpose_code, state, decision_id, since, basis)
                    SELECT d.subject_id, 'EMAIL_MARKETING', 'GRANTED', d.id, d.recorded_at, 'CONSENT'
                    FROM consent_decision d WHERE d.subject_id LIKE '%s%%'
                    ON CONFLICT DO NOTHING""".formatted(PREFIX));
            statement.execute("ANALYZE consent_decision, consent_choice, consent_state");
        }
        try (Connection connection = system.connectAsOwner("disclosure-service");
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO disclosure (subject_id, recipient_code, source, reference, data_categories,
                                            legal_basis, disclosed_at, recorded_at)
                    SELECT '%1$s' || i, r.code, 'ORDER', 'ord-%1$s' || i, r.categories, 'CONTRACT',
                           now() - interval '7 years', now()
                    FROM generate_series(%2$d, %3$d) AS i,
                         (VALUES ('ROYAL_MAIL', ARRAY['CONTACT_NAME', 'DELIVERY_ADDRESS']::varchar[]),
                                 ('WORLDPAY', ARRAY['CONTACT_NAME', 'INVOICE_ADDRESS']::varchar[]))
                         AS r(code, categories)""".formatted(PREFIX, from, to));
            statement.execute("""
                    INSERT INTO subject_consent (subject_id, purpose_code, state, effective_at)
                    SELECT '%1$s' || i, 'EMAIL_MARKETING', 'GRANTED', now() - interval '7 years'
                    FROM generate_series(%2$d, %3$d) AS i""".formatted(PREFIX, from, to));
            statement.execute("ANALYZE disclosure, subject_consent");
        }
    }

    /** Seeded rows still in each database. */
    private static Map<String, Integer> leftovers(BenchSystem system) throws Exception {
        Map<String, Integer> left = new LinkedHashMap<>();
        String like = " WHERE subject_id LIKE '" + PREFIX + "%'";
        left.put("timelines", ErasureLatencyBench.count(system, "retention-service",
                "SELECT count(*) FROM subject_timeline" + like));
        left.put("timeline entries", ErasureLatencyBench.count(system, "retention-service",
                "SELECT count(*) FROM timeline_entry" + like));
        left.put("consent decisions", ErasureLatencyBench.count(system, "consent-service",
                "SELECT count(*) FROM consent_decision" + like));
        left.put("consent states", ErasureLatencyBench.count(system, "consent-service",
                "SELECT count(*) FROM consent_state" + like));
        left.put("disclosures", ErasureLatencyBench.count(system, "disclosure-service",
                "SELECT count(*) FROM disclosure" + like));
        left.put("disclosure consent projections", ErasureLatencyBench.count(system, "disclosure-service",
                "SELECT count(*) FROM subject_consent" + like));
        return left;
    }

    private static Map<String, Integer> tombstones(BenchSystem system) throws Exception {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        for (String service : SERVICES) {
            counts.put(service, ErasureLatencyBench.count(system, service, "SELECT count(*) FROM subject_tombstone"));
        }
        return counts;
    }

    // ------------------------------------------------------------------------------------------------ the table

    private Section section(int subjects, double baselineSeconds, Map<String, Integer> afterBaseline, Run purge,
                            Map<String, Integer> left, Map<String, Integer> before, Map<String, Integer> after,
                            Profile.Summary[] profiles, int profileSubjects) {
        double ratio = baselineSeconds / purge.seconds();
        Section section = new Section(name(), "Retention purge (item 4)", ("%,d expired subjects seeded by SQL as "
                + "each schema's owner (retention: timeline due a year ago and its entry; consent: a decision, choice "
                + "and state; disclosure: two ledger entries and a consent projection; the storefront knows none of "
                + "them). The purge (POST /api/v1/purge-runs) is timed until its run log counts every erasure "
                + "confirmed by consent, retention, disclosure and the storefront; the baseline is a plain batched "
                + "SQL delete (1,000 subjects a transaction) of the same rows in the same databases, seeded again "
                + "between the two. One run of each.").formatted(subjects));
        section.target("Purge of %,d subjects to the last receipt (baseline: batched SQL delete); ratio = baseline "
                        .formatted(subjects) + "time / purge time", "%.1f s (%.0f subjects/s)".formatted(purge.seconds(),
                        subjects / purge.seconds()), "%.1f s".formatted(baselineSeconds), Section.ratio(ratio),
                ">= 0.5x", ratio >= 0.5);
        section.info("Of which: the job requesting every erasure (run started to finished)",
                "%.1f s".formatted(purge.requestingSeconds()), "", "");
        purge.lastReceiptSeconds().forEach((service, at) -> section.info("Of which: " + service
                + " had answered every request after", "%.1f s".formatted(at), "", ""));
        section.check("Erasures requested by the run / confirmed by every participant", "%d / %d".formatted(
                purge.requested(), purge.confirmed()), subjects + " / " + subjects,
                purge.requested() == subjects && purge.confirmed() == subjects);
        boolean baselineClean = afterBaseline.values().stream().allMatch(n -> n == 0);
        section.check("Seeded rows left after the SQL delete " + afterBaseline, baselineClean ? "none" : "SOME",
                "none", baselineClean);
        boolean clean = left.values().stream().allMatch(n -> n == 0);
        section.check("Seeded rows left after the purge " + left, clean ? "none" : "SOME", "none", clean);
        Map<String, Integer> added = new LinkedHashMap<>();
        SERVICES.forEach(service -> added.put(service, after.get(service) - before.get(service)));
        boolean tombstones = added.values().stream().allMatch(n -> n == subjects);
        section.check("Tombstones added per service " + added, tombstones ? "one per subject" : "WRONG",
                subjects + " each", tombstones);
        section.raw("purge", purge).raw("baselineSeconds", baselineSeconds).raw("leftovers", left)
                .raw("tombstonesAdded", added);
        for (int i = 0; i < SERVICES.size(); i++) {
            if (profiles[i] != null) {
                section.details(profiles[i].markdown(SERVICES.get(i) + " during a purge of %,d".formatted(
                        profileSubjects)));
                section.raw("profile-" + SERVICES.get(i), profiles[i]);
            }
        }
        return section;
    }
}
