package com.justelegance.privacy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issue 12, item 1: how fast retention-service and disclosure-service take storefront activity into PostgreSQL,
 * against a bare kafka-clients consumer doing the same dedupe and JDBC batch inserts ({@link IngestBaseline}) on the
 * same broker and database.
 *
 * <p>For each volume (20,000, 200,000 and 2,000,000 events by default) the topic is emptied and preloaded
 * ({@link IngestTopic}); then, per service, the service's database is recreated, its consumer group forgotten and
 * the service started: events/s counts from process start to the moment its {@code processed_event} holds every
 * event ({@link RowProbe}). The service is stopped, and the baseline consumes the same records from its own group,
 * counted from its consumer's start. Afterwards the rows are counted (nothing lost, nothing doubled) for both. The
 * headline volume ({@code --ingest-events}, 200,000) is repeated {@code --repetitions} times; the others run once,
 * so the growth of cost with volume shows. Then, unless {@code --ingest-profile false}, one more run of each service
 * at the headline volume under JFR from process start, for where the time goes.
 */
final class IngestBench implements Benchmark {

    static final List<String> SERVICES = List.of("retention-service", "disclosure-service");
    static final String CONSUMER = "storefront-activity";

    /** Each service's resident memory right after its last ingest at the headline volume, for the footprint. */
    static final Map<String, Double> RESIDENT_AFTER_INGEST = new ConcurrentHashMap<>();

    /** One timed run of a service or its baseline. */
    record Run(String who, int events, double seconds, double eventsPerSecond, double firstRowSeconds,
               double readySeconds, boolean countsRight, Map<String, Long> counts) {
    }

    /** A service's run and its baseline's, back to back on the same records. */
    record Pair(String service, int events, int repetition, Run run, Run baseline) {
        double ratio() {
            return run.eventsPerSecond() / baseline.eventsPerSecond();
        }
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public Section run(BenchSystem system, Options options) throws Exception {
        int headline = options.integer("ingest-events", 200_000);
        TreeSet<Integer> volumes = new TreeSet<>();
        for (String volume : options.values().getOrDefault("ingest-volumes", "20000,200000,2000000").split(",")) {
            volumes.add(Integer.parseInt(volume.strip().replace("_", "")));
        }
        volumes.add(headline);
        boolean profile = !"false".equals(options.values().get("ingest-profile"));

        // As after a deploy: each service has started once before it is timed, so no timed run alone pays for a
        // cold page cache.
        for (String service : SERVICES) {
            system.ensureRunning(service);
            system.stop(service);
        }
        List<Pair> pairs = new ArrayList<>();
        Map<String, Profile.Summary> profiles = new LinkedHashMap<>();
        for (int volume : volumes) {
            int repetitions = volume == headline ? options.repetitions() : 1;
            System.out.printf("==> Ingest: preloading %,d events on %s%n", volume, IngestTopic.TOPIC);
            IngestTopic.Load load = IngestTopic.preload(system.kafkaBootstrap(), volume, groups());
            for (int r = 1; r <= repetitions; r++) {
                for (String service : SERVICES) {
                    Run run = runService(system, service, load, List.of());
                    if (volume == headline) {
                        RESIDENT_AFTER_INGEST.put(service, lastResident);
                    }
                    system.stop(service);
                    Run baseline = runBaseline(system, service, load);
                    Pair pair = new Pair(service, volume, r, run, baseline);
                    System.out.printf("   %s, %,d events, rep %d/%d: %.0f/s (first row %.1f s, ready %.1f s) vs "
                                    + "baseline %.0f/s: %.3fx%s%n", service, volume, r, repetitions,
                            run.eventsPerSecond(), run.firstRowSeconds(), run.readySeconds(),
                            baseline.eventsPerSecond(), pair.ratio(),
                            run.countsRight() && baseline.countsRight() ? "" : "; COUNTS WRONG " + run.counts()
                                    + " / " + baseline.counts());
                    pairs.add(pair);
                }
            }
            if (volume == headline && profile) {
                for (String service : SERVICES) {
                    Profile.Summary summary = profiledRun(system, service, load);
                    if (summary != null) {
                        profiles.put(service, summary);
                    }
                }
            }
        }
        IngestTopic.empty(system.kafkaBootstrap());
        return section(headline, volumes, pairs, profiles, options);
    }

    /**
     * For the footprint when this benchmark did not run first: preloads {@code events} events, lets the service take
     * them all in, and returns its resident memory then (MiB); the service is left running.
     */
    double residentAfterIngest(BenchSystem system, String service, int events) throws Exception {
        IngestTopic.Load load = IngestTopic.preload(system.kafkaBootstrap(), events, groups());
        Run run = runService(system, service, load, List.of());
        if (!run.countsRight()) {
            throw new IllegalStateException(service + " ingested wrong counts: " + run.counts());
        }
        IngestTopic.empty(system.kafkaBootstrap());
        return lastResident;
    }

    private static List<String> groups() {
        List<String> groups = new ArrayList<>(SERVICES);
        for (IngestBaseline.Kind kind : IngestBaseline.Kind.values()) {
            groups.add(kind.group());
        }
        return groups;
    }

    private double lastResident;

    /**
     * Starts the service on an empty database with its consumer group forgotten, so it reads the whole topic, and
     * times it from process start until its inbox holds every event; then counts its rows. Leaves it running.
     */
    private Run runService(BenchSystem system, String service, IngestTopic.Load load, List<String> jvmOptions)
            throws Exception {
        if (system.isRunning(service)) {
            system.stop(service);
        }
        system.recreateDatabase(service);
        IngestTopic.forgetGroups(system.kafkaBootstrap(), List.of(service));
        Duration timeout = timeout(load.events());
        try (RowProbe probe = new RowProbe(() -> system.connect(service),
                "processed_event WHERE consumer = '" + CONSUMER + "'", load.events())) {
            ServiceProcess process = system.start(service, jvmOptions);
            if (!probe.await(timeout)) {
                throw new IllegalStateException(service + " took in " + probe.lastCount() + " of " + load.events()
                        + " events within " + timeout.toSeconds() + " s: see " + process.log());
            }
            lastResident = process.residentMiB();
            double seconds = (probe.doneNanos() - process.startNanos()) / 1e9;
            Map<String, Long> counts;
            try (Connection connection = system.connect(service)) {
                counts = counts(connection, "public", kind(service));
            }
            return new Run(service, load.events(), seconds, load.events() / seconds,
                    (probe.firstRowNanos() - process.startNanos()) / 1e9, process.startUpSeconds(),
                    countsRight(kind(service), counts, load), counts);
        }
    }

    /** The baseline on the same records, the service stopped; timed from its consumer's start. */
    private Run runBaseline(BenchSystem system, String service, IngestTopic.Load load) throws Exception {
        IngestBaseline.Kind kind = kind(service);
        IngestBaseline baseline = new IngestBaseline(kind, system.kafkaBootstrap(), system.databaseUrl(service),
                system.setting("owner.user"), system.setting("owner.password"));
        baseline.prepareTables();
        IngestTopic.forgetGroups(system.kafkaBootstrap(), List.of(kind.group()));
        Duration timeout = timeout(load.events());
        try (RowProbe probe = new RowProbe(() -> system.connectAsOwner(service),
                IngestBaseline.SCHEMA + ".processed_event", load.events())) {
            long start = System.nanoTime();
            baseline.consume(load.events(), timeout);
            if (!probe.await(Duration.ofSeconds(30))) {
                throw new IllegalStateException("The baseline's rows did not show: " + probe.lastCount());
            }
            double seconds = (probe.doneNanos() - start) / 1e9;
            Map<String, Long> counts;
            try (Connection connection = system.connectAsOwner(service)) {
                counts = counts(connection, IngestBaseline.SCHEMA, kind);
            }
            return new Run("baseline for " + service, load.events(), seconds, load.events() / seconds,
                    (probe.firstRowNanos() - start) / 1e9, 0, countsRight(kind, counts, load), counts);
        }
    }

    /** One more run of the service under JFR from process start (start-up and ingest), summarised. */
    private Profile.Summary profiledRun(BenchSystem system, String service, IngestTopic.Load load) throws Exception {
        Path recording = Files.createTempFile("bench-ingest-" + service, ".jfr");
        System.out.printf("==> Profiling %s from process start over %,d events (JFR)%n", service, load.events());
        try {
            Run run = runService(system, service, load, List.of("-XX:StartFlightRecording=name=bench-ingest,"
                    + "settings=profile"));
            System.out.printf("   profiled run: %.0f/s (first row %.1f s)%n", run.eventsPerSecond(),
                    run.firstRowSeconds());
            // Written while the service still runs, so the recording does not depend on how the process ends.
            Process jcmd = new ProcessBuilder(system.setting("jcmd"), Long.toString(system.process(service).pid()),
                    "JFR.stop", "name=bench-ingest", "filename=" + recording).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes());
            system.stop(service);
            if (jcmd.waitFor() != 0 || Files.size(recording) == 0) {
                System.out.println("   no profile: jcmd JFR.stop said " + output.strip());
                return null;
            }
            return Profile.summarise(recording);
        } finally {
            Files.deleteIfExists(recording);
        }
    }

    private static IngestBaseline.Kind kind(String service) {
        return service.startsWith("retention") ? IngestBaseline.Kind.RETENTION : IngestBaseline.Kind.DISCLOSURE;
    }

    private static Duration timeout(int events) {
        return Duration.ofSeconds(120 + events / 300);
    }

    // ------------------------------------------------------------------------------------------------ counts

    private static Map<String, Long> counts(Connection connection, String schema, IngestBaseline.Kind kind)
            throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            counts.put("processed_event", count(statement, "SELECT count(*) FROM " + schema
                    + ".processed_event WHERE consumer = '" + CONSUMER + "'"));
            if (kind == IngestBaseline.Kind.RETENTION) {
                counts.put("timeline_entry", count(statement, "SELECT count(*) FROM " + schema + ".timeline_entry"));
                counts.put("timeline_entry distinct", count(statement,
                        "SELECT count(DISTINCT event_id) FROM " + schema + ".timeline_entry"));
                counts.put("subject_timeline", count(statement, "SELECT count(*) FROM " + schema
                        + ".subject_timeline"));
            } else {
                counts.put("disclosure", count(statement, "SELECT count(*) FROM " + schema + ".disclosure"));
                counts.put("disclosure distinct", count(statement, "SELECT count(*) FROM (SELECT DISTINCT subject_id,"
                        + " recipient_code, source, reference FROM " + schema + ".disclosure) AS d"));
            }
        }
        return counts;
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Every event claimed once; one timeline entry per event and a timeline per subject; a row per recipient. */
    private static boolean countsRight(IngestBaseline.Kind kind, Map<String, Long> counts, IngestTopic.Load load) {
        if (counts.get("processed_event") != load.events()) {
            return false;
        }
        if (kind == IngestBaseline.Kind.RETENTION) {
            return counts.get("timeline_entry") == load.events()
                    && counts.get("timeline_entry distinct") == load.events()
                    && counts.get("subject_timeline") == load.subjects();
        }
        return counts.get("disclosure") == load.disclosures() && counts.get("disclosure distinct") == load.disclosures();
    }

    // ------------------------------------------------------------------------------------------------ the table

    private Section section(int headline, TreeSet<Integer> volumes, List<Pair> pairs,
                            Map<String, Profile.Summary> profiles, Options options) {
        Section section = new Section(name(), "Ingest (item 1)", ("Storefront activity (3 orders in 5, reaching 1-3 "
                + "recipients; 2 contacts in 5; about 5 events per subject) preloaded on %s, then consumed by each "
                + "service from an empty database, counted from process start until its inbox holds every event; "
                + "baseline: a bare kafka-clients consumer doing the same dedupe (processed_event, ON CONFLICT DO "
                + "NOTHING RETURNING) and JDBC batch inserts into copies of the service's tables, one transaction "
                + "per poll of 500, same broker and database, counted from its consumer's start. %,d events: median "
                + "of %d repetitions; other volumes once.").formatted(IngestTopic.TOPIC, headline,
                options.repetitions()));
        for (String service : SERVICES) {
            List<Pair> mine = pairs.stream().filter(p -> p.service().equals(service) && p.events() == headline)
                    .toList();
            double ratio = Section.median(mine.stream().mapToDouble(Pair::ratio).toArray());
            double rate = Section.median(mine.stream().mapToDouble(p -> p.run().eventsPerSecond()).toArray());
            double base = Section.median(mine.stream().mapToDouble(p -> p.baseline().eventsPerSecond()).toArray());
            section.target("%s: ingest of %,d events, events/s from process start (baseline: bare consumer + JDBC "
                            .formatted(service, headline) + "batch, same dedupe)", "%.0f/s".formatted(rate),
                    "%.0f/s".formatted(base), Section.ratio(ratio), ">= 0.8x", ratio >= 0.8);
            double first = Section.median(mine.stream().mapToDouble(p -> p.run().firstRowSeconds()).toArray());
            double ready = Section.median(mine.stream().mapToDouble(p -> p.run().readySeconds()).toArray());
            section.info("%s: first row / ready, after process start".formatted(service),
                    "%.1f s / %.1f s".formatted(first, ready), "", "");
            for (int volume : volumes) {
                if (volume == headline) {
                    continue;
                }
                pairs.stream().filter(p -> p.service().equals(service) && p.events() == volume).findFirst()
                        .ifPresent(p -> section.info("%s: ingest of %,d events".formatted(service, volume),
                                "%.0f/s (%.1f s)".formatted(p.run().eventsPerSecond(), p.run().seconds()),
                                "%.0f/s (%.1f s)".formatted(p.baseline().eventsPerSecond(),
                                        p.baseline().seconds()), Section.ratio(p.ratio())));
            }
        }
        boolean countsRight = pairs.stream().allMatch(p -> p.run().countsRight() && p.baseline().countsRight());
        section.check("Rows after every run, services and baselines (one inbox row and one timeline entry per event, "
                        + "a timeline per subject; a disclosure per recipient reached)",
                countsRight ? "right" : "WRONG", "right", countsRight);
        section.raw("runs", pairs);
        profiles.forEach((service, profile) -> {
            section.details(profile.markdown("Where " + service + "'s time goes, from process start through the "
                    + "ingest of %,d events".formatted(headline)));
            section.raw("profile " + service, profile);
        });
        return section;
    }
}
