package com.justelegance.privacy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 12, item 6: an access request from a customer with ten years of history, from the request to the ready
 * package. {@code --access-requests} (20) customers are seeded the storefront's way ({@link StorefrontSeed}): 200
 * orders over ten years (events: retention's timeline, a courier and a payment provider each in disclosure's
 * ledger), 50 consent decisions (consent-service's API), then 200 audience uploads to Facebook through
 * disclosure-service's API, so each has 600 disclosures. Then one request at a time: customer service opens the
 * access case, the privacy officer records the identity check and prepares the package; timed until the answer
 * with the download link, p99 against 5 s. Baseline: the bare gathering, the same four sources' calls made by the
 * bench itself with dsr-service's role, one after the other.
 *
 * <p>Checks: every package is complete, and the downloaded JSON holds the 200 orders, the 50 decisions and the 600
 * disclosures of its customer.
 */
final class AccessPackageBench implements Benchmark {

    static final int ORDERS = 200;
    static final int CONSENT_CHANGES = 50;
    static final int UPLOADS = 200;
    static final int DISCLOSURES = 2 * ORDERS + UPLOADS;

    static {
        Profile.AREAS.putIfAbsent("Source calls (REST Client, Fault Tolerance)",
                List.of("org.jboss.resteasy.reactive.client", "io.quarkus.rest.client", "io.smallrye.faulttolerance"));
        Profile.AREAS.putIfAbsent("Encryption (javax.crypto, kit SubjectKeys)",
                List.of("javax.crypto", "com.sun.crypto", "com.justelegance.privacy.kit.crypto"));
        Profile.AREAS.putIfAbsent("Package assembly and report (dsr access, Qute, openhtmltopdf)",
                List.of("com.justelegance.privacy.dsr.access", "io.quarkus.qute", "com.openhtmltopdf"));
    }

    @Override
    public String name() {
        return "access";
    }

    /** One request's timings, in milliseconds. */
    record Timing(double total, double openAndVerify, double prepare, double download) {
    }

    @Override
    public Section run(BenchSystem system, Options options) throws Exception {
        int requests = options.integer("access-requests", 20);
        int profiled = options.integer("access-profile-requests", 5);
        system.startAll();
        FlowApi api = new FlowApi(system);
        StorefrontSeed seed = new StorefrontSeed(system, api);
        System.out.println("==> Seeding " + requests + " customers with ten years of history: " + ORDERS
                + " orders, " + CONSENT_CHANGES + " consent decisions, " + DISCLOSURES + " disclosures each");
        List<StorefrontSeed.Seeded> customers = seed.seed("bench-ac", requests, ORDERS, CONSENT_CHANGES);
        List<String> subjects = customers.stream().map(StorefrontSeed.Seeded::subjectId).toList();
        for (int u = 0; u < UPLOADS; u++) {
            JsonNode upload = api.expect(200, api.post("marketing", system.url("disclosure-service")
                    + "/api/v1/audience-uploads", Map.of("recipient", "FACEBOOK", "purpose", "SOCIAL_MEDIA_AUDIENCES",
                    "uploadId", "bench-upload-" + u, "subjectIds", subjects)), "An audience upload");
            if (upload.path("allowed").size() != subjects.size()) {
                throw new IllegalStateException("An audience upload refused " + upload.path("refused").size()
                        + " of the seeded customers (their social media consent not taken in yet?)");
            }
        }
        for (StorefrontSeed.Seeded customer : customers) {
            int held = seed.disclosures(customer.subjectId());
            if (held != DISCLOSURES) {
                throw new IllegalStateException("A seeded customer has " + held + " disclosures, not " + DISCLOSURES);
            }
        }

        System.out.println("==> Baseline: the four sources read directly, " + requests + " times");
        Histogram baseline = new Histogram(3);
        for (int i = 0; i < requests; i++) {
            baseline.recordValue(Math.round(gatherDirectly(system, api, subjects.get(i)) * 1000));
        }

        System.out.println("==> " + requests + " access requests, one at a time");
        Histogram latencies = new Histogram(3);
        List<Timing> timings = new ArrayList<>();
        int wrongPackages = 0;
        for (int i = 0; i < requests; i++) {
            Timing timing = request(system, api, subjects.get(i));
            if (timing == null) {
                wrongPackages++;
                continue;
            }
            timings.add(timing);
            latencies.recordValue(Math.round(timing.total() * 1000));
            System.out.printf("   %d/%d: %.0f ms (open and verify %.0f, prepare %.0f; download %.0f)%n", i + 1,
                    requests, timing.total(), timing.openAndVerify(), timing.prepare(), timing.download());
        }

        Profile.Summary profile = null;
        if (profiled > 0) {
            Path recording = Files.createTempFile("bench-access", ".jfr");
            System.out.println("==> Profiling dsr-service (JFR) over " + profiled + " more requests");
            profile = Profile.record(system.setting("jcmd"), Long.toString(system.process("dsr-service").pid()),
                    recording, () -> {
                        for (int i = 0; i < profiled; i++) {
                            request(system, api, subjects.get(i % subjects.size()));
                        }
                    });
            Files.deleteIfExists(recording);
        }
        return section(requests, latencies, baseline, timings, wrongPackages, profile);
    }

    /** One access request to its ready package (then the download, timed apart); null when the package is wrong. */
    private Timing request(BenchSystem system, FlowApi api, String subject) throws Exception {
        String dsr = system.url("dsr-service");
        long start = System.nanoTime();
        JsonNode opened = api.expect(201, api.post("customer-service", dsr + "/api/v1/requests", Map.of(
                "type", "ACCESS", "channel", "EMAIL", "subjectId", subject,
                "requester", Map.of("name", "Bench Customer", "email", "bench.customer+" + subject + "@example.com",
                        "message", "Please send me a copy of all my personal data."))), "Opening an access case");
        String caseId = opened.path("id").asText();
        api.expect(200, api.post("privacy-officer", dsr + "/api/v1/requests/" + caseId + "/identity-checks", Map.of(
                "method", "DOCUMENT", "outcome", "VERIFIED",
                "proofReceivedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(),
                "note", "Passport seen")), "Recording the identity check");
        long verified = System.nanoTime();
        JsonNode prepared = api.expect(200, api.post("privacy-officer", dsr + "/api/v1/requests/" + caseId
                + "/access-package", null), "Preparing the access package");
        long ready = System.nanoTime();
        String link = prepared.path("downloadUrl").asText("");
        if (!prepared.path("complete").asBoolean() || link.isEmpty()) {
            System.out.println("   package of case " + caseId + " INCOMPLETE: missing " + prepared.path("missingSources"));
            return null;
        }
        // The link names the privacy centre's page (not running in the bench); its token opens the same package
        // at dsr-service's download endpoint, as the page itself does.
        String token = link.substring(link.lastIndexOf('/') + 1);
        JsonNode document = api.expect(200, api.get(null, dsr + "/api/v1/access-packages/" + token
                + "?format=json"), "Downloading the package");
        long downloaded = System.nanoTime();
        if (!packageRight(document)) {
            System.out.println("   package of case " + caseId + " WRONG: orders " + orders(document) + ", decisions "
                    + document.path("sections").path("consent-service").path("data").path("history").size()
                    + ", disclosures " + document.path("sections").path("disclosure-service").path("data").size());
            return null;
        }
        return new Timing((ready - start) / 1e6, (verified - start) / 1e6, (ready - verified) / 1e6,
                (downloaded - ready) / 1e6);
    }

    private static boolean packageRight(JsonNode document) {
        JsonNode sections = document.path("sections");
        return document.path("complete").asBoolean()
                && orders(document) == ORDERS
                && sections.path("consent-service").path("data").path("history").size() == CONSENT_CHANGES
                && sections.path("disclosure-service").path("data").size() == DISCLOSURES
                && sections.path("retention-service").path("outcome").asText().equals("INCLUDED");
    }

    private static int orders(JsonNode document) {
        for (JsonNode category : document.path("sections").path("storefront").path("data").path("categories")) {
            if (category.path("category").asText().equals("orders")) {
                return category.path("data").size();
            }
        }
        return 0;
    }

    /** The baseline: the four sources' answers read by the bench itself, one after the other; milliseconds. */
    private double gatherDirectly(BenchSystem system, FlowApi api, String subject) throws Exception {
        long start = System.nanoTime();
        api.expect(200, api.get("dsr-service", system.storefrontUrl() + "/data-source/v1/subjects/" + subject
                + "/data"), "The storefront's data");
        api.expect(200, api.get("dsr-service", system.url("consent-service") + "/api/v1/subjects/" + subject
                + "/export"), "consent-service's export");
        JsonNode disclosures = api.expect(200, api.get("dsr-service", system.url("disclosure-service")
                + "/api/v1/subjects/" + subject + "/disclosures?includeWithheld=true"), "disclosure-service's ledger");
        api.expect(200, api.get("dsr-service", system.url("retention-service") + "/api/v1/subjects/" + subject
                + "/timeline"), "retention's timeline");
        if (disclosures.size() != DISCLOSURES) {
            throw new IllegalStateException("The direct read found " + disclosures.size() + " disclosures");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private Section section(int requests, Histogram latencies, Histogram baseline, List<Timing> timings,
                            int wrongPackages, Profile.Summary profile) {
        double p50 = latencies.getValueAtPercentile(50) / 1000.0;
        double p99 = latencies.getValueAtPercentile(99) / 1000.0;
        double b50 = baseline.getValueAtPercentile(50) / 1000.0;
        double b99 = baseline.getValueAtPercentile(99) / 1000.0;
        Section section = new Section(name(), "Access package (item 6)", ("%d access requests one after the other, "
                + "each for its own customer with ten years of history (%d orders as events, %d consent decisions "
                + "through the API, %d disclosures: a courier and a payment provider per order and %d audience "
                + "uploads); timed from the request opening the case, through the identity check, to the answer "
                + "with the complete package's download link. Baseline: the four sources' calls made directly by "
                + "the bench with dsr-service's role, one after the other.").formatted(requests, ORDERS,
                CONSENT_CHANGES, DISCLOSURES, UPLOADS));
        section.target("Access request to ready package, p99 (baseline: the four sources read directly, p99)",
                "%.0f ms".formatted(p99), "%.0f ms".formatted(b99), "%.1fx".formatted(p99 / b99), "< 5 s",
                p99 < 5000 && timings.size() == requests);
        section.info("Access request to ready package, p50 (baseline p50)", "%.0f ms".formatted(p50),
                "%.0f ms".formatted(b50), "%.1fx".formatted(p50 / b50));
        section.info("Of which: opening the case and recording the identity check, median",
                "%.0f ms".formatted(Section.median(timings.stream().mapToDouble(Timing::openAndVerify).toArray())),
                "", "");
        section.info("Of which: preparing the package (POST .../access-package), median",
                "%.0f ms".formatted(Section.median(timings.stream().mapToDouble(Timing::prepare).toArray())), "", "");
        section.info("Downloading the package as JSON (after it is ready), median",
                "%.0f ms".formatted(Section.median(timings.stream().mapToDouble(Timing::download).toArray())), "", "");
        section.check("Packages complete, with every order, decision and disclosure of their customer",
                "%d of %d".formatted(requests - wrongPackages, requests), "all", wrongPackages == 0);
        section.raw("timings", timings);
        if (profile != null) {
            section.details(profile.markdown("Where dsr-service's time goes while preparing packages"));
            section.raw("profileOfDsrService", profile);
        }
        return section;
    }
}
