package com.justelegance.privacy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Issue 13's audit figure: verifying a hash-chained audit log of 1,000,000 entries (consent-service's), against a
 * bare baseline that reads the same links with one JDBC query and recomputes the same SHA-256 chain.
 *
 * <ul>
 *   <li>Seeding: the entries are inserted by one SQL statement, as many transactions' worth of audited actions
 *       would leave them, and the service's own sealer chains them (it runs every second and after every audited
 *       commit); the bench waits until every one is sealed.</li>
 *   <li>Timed: {@code GET /api/v1/audit-log/verification} as an auditor (the whole chain, then the anchors on the
 *       broker), three times; the baseline three times. Medians.</li>
 *   <li>Checks: the service finds the chain intact and checks every entry; so does the baseline, which proves it
 *       computes the same hashes (the link format is restated here from the kit's {@code AuditLog}, so a change
 *       there shows as a failed check).</li>
 * </ul>
 */
final class AuditVerificationBench implements Benchmark {

    private static final String GENESIS = "0".repeat(64);
    private static final Duration SEAL_TIMEOUT = Duration.ofMinutes(20);

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public Section run(BenchSystem system, Options options) throws Exception {
        String service = "consent-service";
        system.ensureRunning(service);
        int entries = options.integer("audit-entries", 1_000_000);
        long sealed = seed(system, service, entries);

        List<Double> serviceSeconds = new ArrayList<>();
        List<Double> baselineSeconds = new ArrayList<>();
        JsonNode verification = null;
        long baselineChecked = 0;
        for (int r = 1; r <= options.repetitions(); r++) {
            long start = System.nanoTime();
            verification = verification(system, service);
            serviceSeconds.add((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            baselineChecked = bareVerification(system, service);
            baselineSeconds.add((System.nanoTime() - start) / 1e9);
            System.out.printf("   rep %d/%d: the service verified %,d entries in %.2f s; bare JDBC and SHA-256 in "
                            + "%.2f s%n", r, options.repetitions(), verification.path("entriesChecked").asLong(),
                    serviceSeconds.getLast(), baselineSeconds.getLast());
        }
        double serviceMedian = Section.median(serviceSeconds.stream().mapToDouble(Double::doubleValue).toArray());
        double baselineMedian = Section.median(baselineSeconds.stream().mapToDouble(Double::doubleValue).toArray());
        long checked = verification.path("entriesChecked").asLong();
        boolean intact = verification.path("intact").asBoolean(false);

        Section section = new Section(name(), "Audit chain verification (issue 13)", ("%,d audit entries added to "
                + "consent-service's log by one SQL statement and chained by the service's own sealer; then the "
                + "service's verification (GET /api/v1/audit-log/verification as an auditor: every link, then the "
                + "anchors on the broker) against one bare JDBC query of the same links recomputing the same SHA-256 "
                + "chain, %d times each, medians.").formatted(entries, options.repetitions()));
        section.info("Verifying the whole chain (%,d entries)".formatted(checked), "%.2f s".formatted(serviceMedian),
                "%.2f s".formatted(baselineMedian), Section.ratio(baselineMedian / serviceMedian));
        section.info("Entries verified per second", "%,.0f".formatted(checked / serviceMedian),
                "%,.0f".formatted(baselineChecked / baselineMedian), "");
        section.check("The service finds the chain intact, every entry sealed and checked",
                intact ? "%,d checked".formatted(checked) : "BROKEN", ">= %,d".formatted(sealed),
                intact && checked >= sealed && verification.path("entriesNotSealed").asLong(-1) == 0);
        section.check("The bare recomputation finds the same chain intact", "%,d".formatted(baselineChecked),
                "%,d".formatted(checked), baselineChecked == checked);
        section.raw("serviceSeconds", serviceSeconds).raw("baselineSeconds", baselineSeconds);
        return section;
    }

    /** Adds the entries and waits until the service has sealed them all; returns how many links the chain holds. */
    private long seed(BenchSystem system, String service, int entries) throws Exception {
        System.out.printf("==> Audit: adding %,d entries to %s's audit log%n", entries, service);
        try (Connection db = system.connectAsOwner(service);
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO audit_entry (occurred_at, actor, action, subject_ref, details)
                     SELECT timestamptz '2026-01-01 00:00:00+00' + g * interval '1 millisecond', 'bench-auditor',
                            'bench.audit.entry', md5(g::text), '{"n":' || g || '}'
                     FROM generate_series(1, ?) g""")) {
            insert.setInt(1, entries);
            insert.executeUpdate();
        }
        Instant deadline = Instant.now().plus(SEAL_TIMEOUT);
        try (Connection db = system.connect(service); Statement query = db.createStatement()) {
            while (true) {
                long unsealed;
                long links;
                try (ResultSet row = query.executeQuery("""
                        SELECT (SELECT count(*) FROM audit_entry), (SELECT count(*) FROM audit_seal)""")) {
                    row.next();
                    links = row.getLong(2);
                    unsealed = row.getLong(1) - links;
                }
                if (unsealed == 0) {
                    return links;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(unsealed + " audit entries were still not sealed after "
                            + SEAL_TIMEOUT.toMinutes() + " minutes");
                }
                System.out.printf("   sealed %,d; %,d to go%n", links, unsealed);
                Thread.sleep(Duration.ofSeconds(5));
            }
        }
    }

    /** A service's own chain verification, as an auditor asks for it (anchors read from the broker). */
    static JsonNode verification(BenchSystem system, String service) throws Exception {
        HttpResponse<String> response = system.http().send(HttpRequest.newBuilder(
                        URI.create(system.url(service) + "/api/v1/audit-log/verification"))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + system.token("auditor")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The audit chain verification answered " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body());
    }

    /**
     * The baseline: every link with its entry in chain order, one query streamed in pages of 10,000, each hash
     * recomputed from its predecessor and the entry's content. Returns how many links matched before the first
     * that did not (all of them when the chain is intact).
     */
    private long bareVerification(BenchSystem system, String service) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        HexFormat hex = HexFormat.of();
        String previous = GENESIS;
        long checked = 0;
        try (Connection db = system.connect(service)) {
            db.setAutoCommit(false); // a cursor: the rows stream instead of all coming at once
            try (PreparedStatement query = db.prepareStatement("""
                    SELECT s.prev_hash, s.hash, e.occurred_at, e.actor, e.action, e.subject_ref, e.details
                    FROM audit_seal s JOIN audit_entry e ON e.id = s.entry_id ORDER BY s.position""")) {
                query.setFetchSize(10_000);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        String subjectRef = row.getString(6);
                        // AuditLog.chainHash: previous|occurredAt|actor|action|subjectRef|details
                        String content = String.join("|", previous,
                                row.getObject(3, OffsetDateTime.class).toInstant().toString(), row.getString(4),
                                row.getString(5), subjectRef == null ? "" : subjectRef, row.getString(7));
                        String hash = hex.formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
                        if (!previous.equals(row.getString(1)) || !hash.equals(row.getString(2))) {
                            return checked;
                        }
                        previous = hash;
                        checked++;
                    }
                }
            }
            db.commit();
        }
        return checked;
    }
}
