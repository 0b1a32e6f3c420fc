package com.justelegance.privacy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run's sections as one JSON document and one Markdown page (a summary table of every figure, then each section). */
record Report(String date, Map<String, String> options, List<Section> sections) {

    boolean checksPassed() {
        return sections.stream().allMatch(Section::checksPassed);
    }

    String json() throws Exception {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("date", date);
        document.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version")));
        document.put("options", options);
        Map<String, Object> bySection = new LinkedHashMap<>();
        for (Section section : sections) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("title", section.title());
            entry.put("figures", section.figures());
            entry.putAll(section.raw());
            bySection.put(section.name(), entry);
        }
        document.put("benchmarks", bySection);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks, ").append(date).append("\n\n");
        md.append(Runtime.getRuntime().availableProcessors()).append(" cores shared by the services, PostgreSQL, the "
                + "broker and the load generator; every ratio is against a baseline measured in the same run on the "
                + "same database and broker. Options: ").append(options.isEmpty() ? "the defaults" : options)
                .append(".\n\n");
        md.append(table());
        for (Section section : sections) {
            md.append("\n## ").append(section.title()).append("\n\n").append(section.method()).append("\n\n");
            md.append(rows(section.figures()));
            if (!section.detailsMarkdown().isEmpty()) {
                md.append("\n").append(section.detailsMarkdown());
            }
        }
        return md.toString();
    }

    /** Every figure with a target, and every failed check: the README's table. */
    String table() {
        List<Section.Figure> rows = sections.stream().flatMap(s -> s.figures().stream())
                .filter(f -> f.kind() == Section.Kind.TARGET || (f.kind() == Section.Kind.CHECK && !f.met()))
                .toList();
        // The audit figure has no target (issue 13 asks only that it be timed): its section has it.
        return rows.isEmpty() ? "No figure of this run has a target, and every check passed: see the section below.\n"
                : rows(rows);
    }

    private static String rows(List<Section.Figure> figures) {
        StringBuilder md = new StringBuilder("| Figure | Value | Baseline | Ratio | Target | Met |\n"
                + "|---|---|---|---|---|---|\n");
        for (Section.Figure f : figures) {
            md.append("| ").append(f.figure()).append(" | ").append(f.value()).append(" | ").append(f.baseline())
                    .append(" | ").append(f.ratio()).append(" | ").append(f.target()).append(" | ")
                    .append(f.met() == null ? "" : f.met() ? "yes" : "**no**").append(" |\n");
        }
        return md.toString();
    }
}
