package com.justelegance.privacy.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark found: its rows of the results table, a paragraph on how it was measured, any further
 * Markdown (a profile, say) and raw numbers for the JSON file.
 */
final class Section {

    /** What a row is: a speed figure with a target, a correctness check the figures depend on, or information. */
    enum Kind { TARGET, CHECK, INFO }

    /** One row of the table. {@code met} is null for information. */
    record Figure(String figure, String value, String baseline, String ratio, String target, Boolean met,
                  Kind kind) {
    }

    private final String name;
    private final String title;
    private final String method;
    private final List<Figure> figures = new ArrayList<>();
    private final StringBuilder details = new StringBuilder();
    private final Map<String, Object> raw = new LinkedHashMap<>();

    Section(String name, String title, String method) {
        this.name = name;
        this.title = title;
        this.method = method;
    }

    /** A speed figure against its baseline and target. */
    Section target(String figure, String value, String baseline, String ratio, String target, boolean met) {
        figures.add(new Figure(figure, value, baseline, ratio, target, met, Kind.TARGET));
        return this;
    }

    /** A correctness check: when one fails, the run fails and none of its figures is to be trusted. */
    Section check(String figure, String value, String expected, boolean met) {
        figures.add(new Figure(figure, value, "", "", expected, met, Kind.CHECK));
        return this;
    }

    /** A figure shown without a target (growth with volume, say). */
    Section info(String figure, String value, String baseline, String ratio) {
        figures.add(new Figure(figure, value, baseline, ratio, "", null, Kind.INFO));
        return this;
    }

    /** Markdown after the table: a profile, a breakdown. */
    Section details(String markdown) {
        details.append(markdown).append(markdown.endsWith("\n") ? "" : "\n");
        return this;
    }

    /** Raw numbers for the JSON file. */
    Section raw(String key, Object value) {
        raw.put(key, value);
        return this;
    }

    String name() {
        return name;
    }

    String title() {
        return title;
    }

    String method() {
        return method;
    }

    List<Figure> figures() {
        return figures;
    }

    String detailsMarkdown() {
        return details.toString();
    }

    Map<String, Object> raw() {
        return raw;
    }

    boolean checksPassed() {
        return figures.stream().filter(f -> f.kind() == Kind.CHECK).allMatch(Figure::met);
    }

    static String ratio(double value) {
        return "%.3fx".formatted(value);
    }

    static double median(double... values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
