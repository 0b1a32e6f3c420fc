package com.justelegance.privacy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 12, item 7: each service's start-up time alone and its resident memory after a realistic workload, with
 * the JVM options {@code ./stack up} gives it ({@code SERVICE_JVM_OPTIONS}).
 *
 * <ul>
 *   <li>Start-up: every other service stopped, the service is started {@code --footprint-starts} times (3) on its
 *       already migrated database, after one start that is not counted (it migrates a fresh database and warms
 *       the page cache); from process start to the first ready answer of {@code /q/health/ready};
 *       the median.</li>
 *   <li>Resident memory (VmRSS): retention- and disclosure-service right after the ingest at the headline volume
 *       (from {@link IngestBench} when it ran first in the same invocation, otherwise an ingest of
 *       {@code --ingest-events} run here); consent-service after {@code --seconds} of consent checks from
 *       {@code --clients} clients on 1,000 subjects who recorded a decision through the API; dsr-service after 50
 *       cases opened through the API and {@code --seconds} of work-queue reads.</li>
 * </ul>
 *
 * <p>No baseline: the targets are absolute (under 256 MB, under 2 s), from the issue.
 */
final class FootprintBench implements Benchmark {

    static final double RESIDENT_TARGET_MIB = 256;
    static final double START_TARGET_SECONDS = 2;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** One service's figures. */
    record Footprint(String service, List<Double> startSeconds, double medianStartSeconds, double residentMiB,
                     String workload, long wrongAnswers) {
    }

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public Section run(BenchSystem system, Options options) throws Exception {
        int starts = options.integer("footprint-starts", 3);
        List<Footprint> footprints = new ArrayList<>();
        for (String service : system.services()) {
            Map<String, Double> resident = new LinkedHashMap<>();
            long[] wrong = {0};
            String workload = residentAfterWorkload(system, service, options, resident, wrong);
            system.stopAll();
            List<Double> times = startUpTimes(system, service, starts);
            footprints.add(new Footprint(service, times, Section.median(times.stream().mapToDouble(d -> d)
                    .toArray()), resident.get(service), workload, wrong[0]));
            System.out.printf("   %s: start-up %s s (median %.2f s), resident %.0f MiB after %s%n", service, times,
                    footprints.getLast().medianStartSeconds(), resident.get(service), workload);
        }
        return section(footprints, starts, system.setting("service-jvm-options"));
    }

    /** Starts the service (the others stopped) untimed once, then {@code starts} times timed; returns the times. */
    private static List<Double> startUpTimes(BenchSystem system, String service, int starts) throws Exception {
        system.start(service);
        system.stop(service);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            times.add(system.start(service).startUpSeconds());
            system.stop(service);
        }
        return times;
    }

    /** Runs the service's realistic workload and records its resident memory after it; says what the workload was. */
    private String residentAfterWorkload(BenchSystem system, String service, Options options,
                                         Map<String, Double> resident, long[] wrong) throws Exception {
        int ingestEvents = options.integer("ingest-events", 200_000);
        switch (service) {
            case "retention-service", "disclosure-service" -> {
                Double measured = IngestBench.RESIDENT_AFTER_INGEST.get(service);
                if (measured == null) {
                    system.stopAll();
                    System.out.printf("==> Footprint: %s ingests %,d events%n", service, ingestEvents);
                    measured = new IngestBench().residentAfterIngest(system, service, ingestEvents);
                }
                resident.put(service, measured);
                return "the ingest of %,d events".formatted(ingestEvents);
            }
            case "consent-service" -> {
                system.stopAll();
                ServiceProcess process = system.start(service);
                wrong[0] = consentWorkload(system, service, options);
                resident.put(service, process.residentMiB());
                return "1,000 decisions and %d s of checks from %d clients".formatted(
                        options.duration().toSeconds(), options.clients());
            }
            case "dsr-service" -> {
                system.stopAll();
                ServiceProcess process = system.start(service);
                wrong[0] = dsrWorkload(system, service, options);
                resident.put(service, process.residentMiB());
                return "50 cases opened and %d s of work-queue reads from 4 clients".formatted(
                        options.duration().toSeconds());
            }
            default -> throw new IllegalStateException("No footprint workload for " + service);
        }
    }

    // ------------------------------------------------------------------------------------------------ workloads

    /** 1,000 subjects record a decision, then consent checks on them; returns how many answers were wrong. */
    private long consentWorkload(BenchSystem system, String service, Options options) throws Exception {
        String token = system.token("storefront");
        String base = system.url(service);
        AtomicInteger wrong = new AtomicInteger();
        for (int i = 0; i < 1_000; i++) {
            String body = json.writeValueAsString(Map.of(
                    "choices", List.of(Map.of("purpose", "EMAIL_MARKETING", "state", "GRANTED")),
                    "policyVersion", ConsentCheckBench.POLICY_VERSION, "source", "ACCOUNT_SETTINGS", "method", "SAVE"));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subjects/"
                            + "bench-f-" + i + "/consent-decisions")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                wrong.incrementAndGet();
            }
        }
        Load.Result checks = Load.run("consent checks (footprint)", options.clients(), options.warmUp(),
                options.duration(), 0, () -> {
                    Random random = new Random();
                    return () -> {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
                                        + "/api/v1/consent-checks?subjectId=bench-f-" + random.nextInt(1_000)
                                        + "&purpose=EMAIL_MARKETING")).header("Authorization", "Bearer " + token)
                                .GET().build(), HttpResponse.BodyHandlers.ofString());
                        return response.statusCode() == 200 && response.body().contains("\"allowed\":true");
                    };
                });
        return wrong.get() + checks.failures();
    }

    /** 50 cases opened by phone, then work-queue reads; returns how many answers were wrong. */
    private long dsrWorkload(BenchSystem system, String service, Options options) throws Exception {
        String token = system.token("privacy-officer");
        String base = system.url(service);
        int wrong = 0;
        for (int i = 0; i < 50; i++) {
            String body = json.writeValueAsString(Map.of("type", "ACCESS", "channel", "PHONE",
                    "receivedOn", LocalDate.now().toString(), "nation", "ENGLAND_AND_WALES",
                    "requester", Map.of("customerNumber", "BENCH-" + i), "subjectId", "bench-f-" + i));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                wrong++;
                System.out.println("   dsr-service answered " + response.statusCode() + " to a new case");
            }
        }
        Load.Result reads = Load.run("work queue (footprint)", 4, options.warmUp(), options.duration(), 0, () -> () -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().startsWith("[");
        });
        return wrong + reads.failures();
    }

    // ------------------------------------------------------------------------------------------------ the table

    private Section section(List<Footprint> footprints, int starts, String jvmOptions) {
        Section section = new Section(name(), "Footprint (item 7)", ("Each service with the JVM options ./stack up "
                + "gives it (%s). Start-up: from process start to the first ready answer of /q/health/ready, the "
                + "others stopped, median of %d starts on a migrated database after one uncounted start. Resident "
                + "memory (VmRSS) after a realistic workload.").formatted(jvmOptions, starts));
        for (Footprint footprint : footprints) {
            section.target(footprint.service() + ": start-up alone, median of " + starts,
                    "%.2f s".formatted(footprint.medianStartSeconds()), "", "", "< 2 s",
                    footprint.medianStartSeconds() < START_TARGET_SECONDS);
            section.target(footprint.service() + ": resident memory after " + footprint.workload(),
                    "%.0f MiB".formatted(footprint.residentMiB()), "", "", "< 256 MiB",
                    footprint.residentMiB() < RESIDENT_TARGET_MIB);
        }
        long wrong = footprints.stream().mapToLong(Footprint::wrongAnswers).sum();
        section.check("Wrong answers during the workloads (every response checked)", Long.toString(wrong), "0",
                wrong == 0);
        section.raw("footprints", footprints);
        return section;
    }
}
