package com.justelegance.privacy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 12, item 5: one subject's erasure request, from the request to its certificate across every participant,
 * at idle. {@code --erasure-requests} (100) customers are seeded the storefront's way (directory, orders as events,
 * consent decisions through the API, {@link StorefrontSeed}); then, one after the other: customer service opens the
 * erasure case, the privacy officer carries it out, and the bench asks for the certificate every 10 ms until it is
 * issued. p50 and p99 of that, against the targets (1 s, 3 s), and beside them the bare baseline: a Kafka request
 * and its reply through the same broker ({@link KafkaRoundTrip}), the two hops an erasure and its receipts take.
 *
 * <p>Checks: every certificate names the four participants, verifies at the open verification endpoint, and after
 * the run every erased customer has a tombstone in consent, retention and disclosure, no ledger entries or timeline
 * left, and the storefront no longer finds them by e-mail address.
 */
final class ErasureLatencyBench implements Benchmark {

    static final List<String> PARTICIPANTS = List.of("consent-service", "disclosure-service", "retention-service",
            "storefront");

    @Override
    public String name() {
        return "erasure";
    }

    /** One request's timings, in milliseconds. */
    record Timing(double total, double openCase, double requestErasure, double servicesClosed,
                  double certificateSeen) {
    }

    @Override
    public Section run(BenchSystem system, Options options) throws Exception {
        int requests = options.integer("erasure-requests", 100);
        int orders = options.integer("erasure-orders", 10);
        int warmUp = options.integer("erasure-warm-up", 3);
        system.startAll();
        FlowApi api = new FlowApi(system);
        StorefrontSeed seed = new StorefrontSeed(system, api);
        System.out.println("==> Seeding " + (requests + warmUp) + " customers with " + orders + " orders and 4 "
                + "consent decisions each (directory, events, consent API)");
        List<StorefrontSeed.Seeded> seeded = seed.seed("bench-er", requests + warmUp, orders, 4);
        List<StorefrontSeed.Seeded> customers = seeded.subList(warmUp, seeded.size());

        // The first erasures after the services start pay for class loading, JIT and the consumers' first fetches:
        // a few, not timed, so the figures are those of a running system at idle.
        System.out.println("==> " + warmUp + " erasures to warm up (not timed)");
        for (StorefrontSeed.Seeded customer : seeded.subList(0, warmUp)) {
            erase(system, api, customer, new ArrayList<>());
        }

        System.out.println("==> Baseline: " + requests + " bare Kafka request/reply round trips");
        Histogram baseline = new Histogram(3);
        try (KafkaRoundTrip trip = new KafkaRoundTrip(system.kafkaBootstrap())) {
            for (int i = 0; i < 5; i++) {
                trip.once(); // warm the clients
            }
            for (int i = 0; i < requests; i++) {
                baseline.recordValue(Math.round(trip.once() * 1000));
            }
        }

        System.out.println("==> " + requests + " erasure requests, one at a time");
        Histogram latencies = new Histogram(3);
        List<Timing> timings = new ArrayList<>();
        List<String> caseIds = new ArrayList<>();
        int wrongCertificates = 0;
        for (int i = 0; i < requests; i++) {
            StorefrontSeed.Seeded customer = customers.get(i);
            Timing timing = erase(system, api, customer, caseIds);
            timings.add(timing);
            latencies.recordValue(Math.round(timing.total() * 1000));
            if (!certificateRight(system, api, caseIds.getLast())) {
                wrongCertificates++;
            }
            if ((i + 1) % 10 == 0) {
                System.out.printf("   %d/%d: p50 %.0f ms, p99 %.0f ms so far%n", i + 1, requests,
                        latencies.getValueAtPercentile(50) / 1000.0, latencies.getValueAtPercentile(99) / 1000.0);
            }
            Thread.sleep(200); // at idle: the previous erasure's late work (letters, relays) done
        }

        Map<String, Integer> left = leftovers(system, seeded);
        int foundByEmail = 0;
        for (StorefrontSeed.Seeded customer : seeded) {
            JsonNode found = api.expect(200, api.get("dsr-service", system.storefrontUrl()
                    + "/data-source/v1/subjects?email=" + customer.email().replace("+", "%2B")), "Storefront look-up");
            foundByEmail += found.path("subjectIds").size();
        }
        Map<String, String> participants = participantTimes(system, caseIds);
        return section(requests, warmUp, orders, latencies, baseline, timings, wrongCertificates, left,
                foundByEmail, participants);
    }

    /**
     * Per participant, from dsr-service's receipt records: the median and the largest time from the erasure being
     * requested to the participant's commit ({@code completedAt}) and to dsr-service recording its receipt.
     */
    private static Map<String, String> participantTimes(BenchSystem system, List<String> caseIds) throws Exception {
        Map<String, String> times = new LinkedHashMap<>();
        try (Connection connection = system.connectAsOwner("dsr-service");
             java.sql.PreparedStatement query = connection.prepareStatement("""
                     SELECT r.service,
                            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.completed_at - e.requested_at)),
                            max(extract(epoch FROM r.completed_at - e.requested_at)),
                            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.received_at - e.requested_at)),
                            max(extract(epoch FROM r.received_at - e.requested_at))
                     FROM erasure_receipt_record r JOIN requested_erasure e ON e.request_id = r.request_id
                     WHERE r.request_id = ANY(?) GROUP BY r.service ORDER BY r.service""")) {
            query.setArray(1, connection.createArrayOf("varchar", caseIds.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    times.put(result.getString(1), "committed after %.0f ms (max %.0f), receipt recorded after %.0f ms (max %.0f)"
                            .formatted(result.getDouble(2) * 1000, result.getDouble(3) * 1000,
                                    result.getDouble(4) * 1000, result.getDouble(5) * 1000));
                }
            }
        }
        times.forEach((service, time) -> System.out.println("   " + service + ": " + time));
        return times;
    }

    private Timing erase(BenchSystem system, FlowApi api, StorefrontSeed.Seeded customer, List<String> caseIds)
            throws Exception {
        String dsr = system.url("dsr-service");
        long start = System.nanoTime();
        JsonNode opened = api.expect(201, api.post("customer-service", dsr + "/api/v1/requests", Map.of(
                "type", "ERASURE", "channel", "EMAIL", "subjectId", customer.subjectId(),
                "requester", Map.of("name", "Bench Customer", "email", customer.email(),
                        "message", "Please delete my account and everything you hold about me."))),
                "Opening an erasure case");
        String caseId = opened.path("id").asText();
        caseIds.add(caseId);
        long caseOpen = System.nanoTime();
        api.expect(200, api.post("privacy-officer", dsr + "/api/v1/requests/" + caseId + "/erasure", null),
                "Requesting the erasure");
        long erasureRequested = System.nanoTime();
        api.await("privacy-officer", dsr + "/api/v1/requests/" + caseId + "/erasure/certificate",
                answer -> answer.status() == 200, Duration.ofMinutes(2), "The erasure certificate");
        long certificate = System.nanoTime();
        // The service's own view of the distributed part: from the request recorded to the last receipt.
        JsonNode status = api.expect(200, api.get("privacy-officer", dsr + "/api/v1/requests/" + caseId
                + "/erasure"), "Reading the erasure");
        double servicesClosed = Duration.between(Instant.parse(status.path("requestedAt").asText()),
                Instant.parse(status.path("closedAt").asText())).toNanos() / 1e6;
        return new Timing((certificate - start) / 1e6, (caseOpen - start) / 1e6, (erasureRequested - caseOpen) / 1e6,
                servicesClosed, (certificate - erasureRequested) / 1e6);
    }

    /** The four participants on the certificate, and its signature verifies. */
    private boolean certificateRight(BenchSystem system, FlowApi api, String caseId) throws Exception {
        String dsr = system.url("dsr-service");
        JsonNode signed = api.expect(200, api.get("privacy-officer", dsr + "/api/v1/requests/" + caseId
                + "/erasure/certificate"), "Reading the certificate");
        List<String> services = new ArrayList<>();
        signed.path("certificate").path("participants").forEach(p -> services.add(p.path("service").asText()));
        JsonNode verdict = api.expect(200, api.post(null, dsr + "/api/v1/erasure-certificates/verification",
                signed), "Verifying the certificate");
        boolean right = services.stream().sorted().toList().equals(PARTICIPANTS)
                && verdict.path("valid").asBoolean();
        if (!right) {
            System.out.println("   certificate of case " + caseId + " WRONG: participants " + services + ", valid "
                    + verdict.path("valid"));
        }
        return right;
    }

    /** Rows still about the erased customers, and their tombstones, per service (by SQL as the owner). */
    static Map<String, Integer> leftovers(BenchSystem system, List<StorefrontSeed.Seeded> customers)
            throws Exception {
        String prefix = customers.getFirst().subjectId().replaceAll("-\\d+$", "-");
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("consent decisions", count(system, "consent-service",
                "SELECT count(*) FROM consent_decision WHERE subject_id LIKE '" + prefix + "%'"));
        counts.put("consent states", count(system, "consent-service",
                "SELECT count(*) FROM consent_state WHERE subject_id LIKE '" + prefix + "%'"));
        counts.put("disclosures", count(system, "disclosure-service",
                "SELECT count(*) FROM disclosure WHERE subject_id LIKE '" + prefix + "%'"));
        counts.put("timelines", count(system, "retention-service",
                "SELECT count(*) FROM subject_timeline WHERE subject_id LIKE '" + prefix + "%'"));
        counts.put("timeline entries", count(system, "retention-service",
                "SELECT count(*) FROM timeline_entry WHERE subject_id LIKE '" + prefix + "%'"));
        for (String service : List.of("consent-service", "disclosure-service", "retention-service")) {
            counts.put(service + " tombstones", count(system, service, "SELECT count(*) FROM subject_tombstone"));
        }
        return counts;
    }

    static int count(BenchSystem system, String service, String sql) throws Exception {
        try (Connection connection = system.connectAsOwner(service); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    private Section section(int requests, int warmUp, int orders, Histogram latencies, Histogram baseline,
                            List<Timing> timings,
                            int wrongCertificates, Map<String, Integer> left, int foundByEmail,
                            Map<String, String> participants) {
        double p50 = latencies.getValueAtPercentile(50) / 1000.0;
        double p99 = latencies.getValueAtPercentile(99) / 1000.0;
        double b50 = baseline.getValueAtPercentile(50) / 1000.0;
        double b99 = baseline.getValueAtPercentile(99) / 1000.0;
        Section section = new Section(name(), "Erasure latency (item 5)", ("%d erasure requests one after the other, "
                + "at idle (after %d not timed), each for a customer seeded with %d orders (events), 4 consent "
                + "decisions (API) and a storefront record; timed from the request opening the case to the signed "
                + "certificate being available (polled every 10 ms). Baseline: a bare Kafka request and reply through "
                + "the same broker (the two hops of a request and its receipts).").formatted(requests, warmUp,
                orders));
        section.target("Erasure, request to certificate, p50 (baseline: bare Kafka round trip p50)",
                "%.0f ms".formatted(p50), "%.1f ms".formatted(b50), "%.1fx".formatted(p50 / b50), "< 1 s",
                p50 < 1000);
        section.target("Erasure, request to certificate, p99 (baseline: bare Kafka round trip p99)",
                "%.0f ms".formatted(p99), "%.1f ms".formatted(b99), "%.1fx".formatted(p99 / b99), "< 3 s",
                p99 < 3000);
        section.info("Of which: opening the case (POST /requests), median",
                "%.0f ms".formatted(median(timings, Timing::openCase)), "", "");
        section.info("Of which: requesting the erasure (POST .../erasure), median",
                "%.0f ms".formatted(median(timings, Timing::requestErasure)), "", "");
        section.info("Of which: erasure requested to last receipt, as dsr-service recorded it, median",
                "%.0f ms".formatted(median(timings, Timing::servicesClosed)), "", "");
        section.info("Of which: erasure requested to certificate seen, median / max",
                "%.0f / %.0f ms".formatted(median(timings, Timing::certificateSeen),
                        timings.stream().mapToDouble(Timing::certificateSeen).max().orElse(0)), "", "");
        participants.forEach((service, time) -> section.info("Of which: " + service + ", from the erasure "
                + "requested (medians)", time, "", ""));
        section.check("Certificates naming the four participants and verifying", "%d of %d".formatted(
                requests - wrongCertificates, requests), "all", wrongCertificates == 0);
        boolean nothingLeft = left.entrySet().stream().filter(e -> !e.getKey().endsWith("tombstones"))
                .allMatch(e -> e.getValue() == 0);
        section.check("Rows left about the erased customers " + left, nothingLeft ? "none" : "SOME", "none",
                nothingLeft);
        boolean tombstones = left.entrySet().stream().filter(e -> e.getKey().endsWith("tombstones"))
                .allMatch(e -> e.getValue() >= requests + warmUp);
        section.check("Tombstones in consent, disclosure and retention", tombstones ? "all" : "MISSING",
                ">= " + (requests + warmUp) + " each", tombstones);
        section.check("Customers the storefront still finds by e-mail address", Integer.toString(foundByEmail), "0",
                foundByEmail == 0);
        section.raw("timings", timings).raw("leftovers", left);
        return section;
    }

    private static double median(List<Timing> timings, java.util.function.ToDoubleFunction<Timing> value) {
        return Section.median(timings.stream().mapToDouble(value).toArray());
    }
}
