package com.justelegance.privacy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The figures of a run (medians of the repetitions) with their baselines, ratios and targets, written as JSON and
 * as a Markdown table; with the raw repetitions, the checks' outcomes and the profile's summary.
 */
record Results(ConsentCheckBench.Settings settings, ConsentCheckBench.Outcome outcome, Profile.Summary profile,
               List<Figure> figures) {

    /** One row of the table. {@code met} is null for a row without a target. */
    record Figure(String figure, String value, String baseline, String ratio, String target, Boolean met) {
    }

    static Results of(ConsentCheckBench.Settings settings, ConsentCheckBench.Outcome outcome,
                      Profile.Summary profile) {
        List<ConsentCheckBench.Repetition> reps = outcome.repetitions();
        double index = median(reps, ConsentCheckBench.Repetition::indexPerSecond);
        double check = median(reps, ConsentCheckBench.Repetition::checkPerSecond);
        double checkP99 = median(reps, ConsentCheckBench.Repetition::checkP99AtHalf);
        double indexP99 = median(reps, ConsentCheckBench.Repetition::indexP99AtHalf);
        double half = median(reps, ConsentCheckBench.Repetition::halfRate);
        double batch = median(reps, ConsentCheckBench.Repetition::batchPerSecond);
        double jdbc = median(reps, ConsentCheckBench.Repetition::jdbcPerSecond);
        double batchMs = median(reps, ConsentCheckBench.Repetition::batchP50Millis);
        double jdbcMs = median(reps, ConsentCheckBench.Repetition::jdbcP50Millis);
        // Ratios are taken per repetition (service and baseline measured back to back), then their median: a
        // repetition slowed by a neighbour on the machine slows both sides.
        double checkRatio = median(reps, r -> r.checkPerSecond() / r.indexPerSecond());
        double p99Ratio = median(reps, r -> r.checkP99AtHalf() / r.indexP99AtHalf());
        double batchRatio = median(reps, r -> r.batchPerSecond() / r.jdbcPerSecond());
        long wrong = reps.stream().mapToLong(ConsentCheckBench.Repetition::wrongAnswers).sum();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Single consent check, requests/s (" + settings.clients() + " clients; baseline: "
                + "GET / without a token)", "%.0f/s".formatted(check), "%.0f/s".formatted(index),
                "%.3fx".formatted(checkRatio), ">= 0.5x", checkRatio >= 0.5));
        figures.add(new Figure("Single consent check, p99 at half its maximum rate (%.0f/s; baseline: GET / at "
                .formatted(half) + "the same rate)", "%.2f ms".formatted(checkP99), "%.2f ms".formatted(indexP99),
                "%.2fx".formatted(p99Ratio), "<= 5 ms", checkP99 <= 5.0));
        figures.add(new Figure("Batch check of 10,000 subjects, batches/s (median latency %.0f ms; baseline: bare "
                .formatted(batchMs) + "JDBC = ANY, %.0f ms)".formatted(jdbcMs), "%.2f/s".formatted(batch),
                "%.2f/s".formatted(jdbc), "%.3fx".formatted(batchRatio), ">= 0.7x", batchRatio >= 0.7));
        figures.add(new Figure("Withdrawal visible to the very next check (probes through the API under load)",
                "%d of %d".formatted(outcome.withdrawalProbes() - outcome.withdrawalFailures(),
                        outcome.withdrawalProbes()), "", "", "all",
                outcome.withdrawalProbes() > 0 && outcome.withdrawalFailures() == 0));
        figures.add(new Figure("Batch answers counted against the seed " + outcome.batchCounts(),
                outcome.batchCountsRight() ? "right" : "WRONG", "", "", "right", outcome.batchCountsRight()));
        figures.add(new Figure("Wrong answers under load (every response checked)", Long.toString(wrong), "", "",
                "0", wrong == 0));
        return new Results(settings, outcome, profile, figures);
    }

    /** The checks that make the figures trustworthy (not the speed targets). */
    boolean checksPassed() {
        return figures.subList(3, figures.size()).stream().allMatch(Figure::met);
    }

    String json() throws Exception {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version")));
        document.put("settings", Map.of("clients", settings.clients(), "seconds", settings.duration().toSeconds(),
                "warmUpSeconds", settings.warmUp().toSeconds(), "repetitions", settings.repetitions()));
        document.put("figures", figures);
        document.put("repetitions", outcome.repetitions());
        document.put("batchCounts", outcome.batchCounts());
        if (profile != null) {
            document.put("profileOfSingleCheck", profile);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
    }

    String markdown(String date) {
        StringBuilder md = new StringBuilder();
        md.append("## Consent checks, ").append(date).append("\n\n");
        md.append("Medians of ").append(settings.repetitions()).append(" repetitions of ")
                .append(settings.duration().toSeconds()).append(" s after a ").append(settings.warmUp().toSeconds())
                .append(" s warm-up (ratios: the median of each repetition's ratio); ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores shared by the service, PostgreSQL, the broker and the load generator.\n\n");
        md.append("| Figure | Value | Baseline | Ratio | Target | Met |\n|---|---|---|---|---|---|\n");
        for (Figure figure : figures) {
            md.append("| ").append(figure.figure()).append(" | ").append(figure.value()).append(" | ")
                    .append(figure.baseline()).append(" | ").append(figure.ratio()).append(" | ")
                    .append(figure.target()).append(" | ")
                    .append(figure.met() == null ? "" : figure.met() ? "yes" : "**no**").append(" |\n");
        }
        if (profile != null) {
            md.append("\n### Where the single check's time goes (JFR, ").append(profile.samples())
                    .append(" execution samples of the service)\n\n| Area (any frame in it) | Samples |\n|---|---|\n");
            profile.areas().forEach((area, share) -> md.append("| ").append(area).append(" | ")
                    .append("%.0f %%".formatted(share)).append(" |\n"));
            md.append("\n| Top frame (self) | Samples |\n|---|---|\n");
            profile.topSelf().forEach((frame, share) -> md.append("| `").append(frame).append("` | ")
                    .append("%.1f %%".formatted(share)).append(" |\n"));
            md.append("\n| On the stack (total, request plumbing left out) | Samples |\n|---|---|\n");
            profile.topTotal().forEach((frame, share) -> md.append("| `").append(frame).append("` | ")
                    .append("%.1f %%".formatted(share)).append(" |\n"));
        }
        return md.toString();
    }

    private static double median(List<ConsentCheckBench.Repetition> reps,
                                 ToDoubleFunction<ConsentCheckBench.Repetition> value) {
        double[] values = reps.stream().mapToDouble(value).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
