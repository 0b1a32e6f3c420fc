package com.justelegance.privacy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Entry point of the benchmarks, run by {@code ./stack bench}, which starts what they need and passes where it is:
 * {@code java -jar bench/target/bench.jar consent --service-url .. --db-url .. [options]}. Writes
 * {@code <out>/<date>.json} and {@code <out>/<date>.md}. Options: {@code --clients} (16), {@code --seconds} (10),
 * {@code --warm-up-seconds} (3), {@code --repetitions} (3), {@code --service-pid} and {@code --jcmd} to take a JFR
 * profile of the single check afterwards.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("consent")) {
            System.err.println("Usage: bench consent --service-url <url> --db-url <jdbc url> --db-user <u> "
                    + "--db-password <p> --owner-user <u> --owner-password <p> --token <storefront jwt> "
                    + "--master-key <base64> --out <dir> [--clients 16] [--seconds 10] [--warm-up-seconds 3] "
                    + "[--repetitions 3] [--service-pid <pid> --jcmd <path>]");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        ConsentCheckBench.Settings settings = new ConsentCheckBench.Settings(required(options, "service-url"),
                required(options, "db-url"), required(options, "db-user"), required(options, "db-password"),
                required(options, "owner-user"), required(options, "owner-password"), required(options, "token"),
                required(options, "master-key"), Integer.parseInt(options.getOrDefault("clients", "16")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("warm-up-seconds", "3"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "10"))),
                Integer.parseInt(options.getOrDefault("repetitions", "3")));
        ConsentCheckBench bench = new ConsentCheckBench(settings);
        ConsentCheckBench.Outcome outcome = bench.run();

        Profile.Summary profile = null;
        if (options.containsKey("service-pid") && options.containsKey("jcmd")) {
            Path recording = Files.createTempFile("bench-consent-check", ".jfr");
            System.out.println("==> Profiling the single check (JFR, " + settings.duration().toSeconds() + " s)");
            profile = Profile.record(options.get("jcmd"), options.get("service-pid"), recording,
                    () -> bench.singleCheckLoad(settings.duration()));
            Files.deleteIfExists(recording);
        }

        Path out = Path.of(required(options, "out"));
        Files.createDirectories(out);
        String date = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
        Results results = Results.of(settings, outcome, profile);
        Files.writeString(out.resolve(date + ".json"), results.json());
        Files.writeString(out.resolve(date + ".md"), results.markdown(date));
        System.out.println();
        System.out.println(results.markdown(date));
        System.out.println("==> Written " + out.resolve(date + ".json") + " and " + out.resolve(date + ".md"));
        if (!results.checksPassed()) {
            System.err.println("A check failed: the figures above are not to be trusted.");
            System.exit(1);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
