package com.justelegance.privacy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the benchmarks, run by {@code ./stack bench [name...]}, which brings up the bench's own stack and
 * passes where it is: {@code java -jar bench/target/bench.jar <name...|all> --settings <file> --out <dir>
 * [--clients 16] [--seconds 10] ...}. Runs the benchmarks in the order of issue 12, then writes
 * {@code <out>/<date>.json} and {@code <out>/<date>.md}; exits 1 when a correctness check failed (a missed speed
 * target is a result, not a failure).
 */
public final class Bench {

    /** Every benchmark, in the order {@code all} runs them. */
    static final List<Benchmark> ALL = List.of(new IngestBench(), new ConsentCheckBench(), new ConsentDecisionBench(),
            new PurgeBench(), new ErasureLatencyBench(), new AccessPackageBench(), new FootprintBench(),
            new AuditVerificationBench());

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    usage("Option " + args[i] + " needs a value");
                }
                options.put(args[i].substring(2), args[++i]);
            } else {
                names.add(args[i]);
            }
        }
        String settings = options.remove("settings");
        String out = options.remove("out");
        if (settings == null || out == null) {
            usage("--settings and --out are required");
        }
        List<Benchmark> chosen = names.isEmpty() || names.contains("all") ? ALL
                : ALL.stream().filter(b -> names.contains(b.name())).toList();
        if (!names.isEmpty() && !names.contains("all") && chosen.size() != names.size()) {
            usage("Unknown benchmark among " + names);
        }

        List<Section> sections = new ArrayList<>();
        try (BenchSystem system = BenchSystem.load(Path.of(settings))) {
            for (Benchmark benchmark : chosen) {
                System.out.println("==> Benchmark: " + benchmark.name());
                sections.add(benchmark.run(system, new Options(options)));
            }
        }

        String date = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
        Report report = new Report(date, options, sections);
        Path dir = Path.of(out);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(date + ".json"), report.json());
        Files.writeString(dir.resolve(date + ".md"), report.markdown());
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("==> Written " + dir.resolve(date + ".json") + " and " + dir.resolve(date + ".md"));
        if (!report.checksPassed()) {
            System.err.println("A correctness check failed: the figures above are not to be trusted.");
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("Usage: bench <name...|all> --settings <file> --out <dir> [--clients 16] [--seconds 10] "
                + "[--warm-up-seconds 3] [--repetitions 3]; names: "
                + String.join(" ", ALL.stream().map(Benchmark::name).toList()));
        System.exit(2);
    }
}
