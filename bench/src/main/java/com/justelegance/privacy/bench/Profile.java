package com.justelegance.privacy.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JFR profile of the service while a load runs: started and stopped with jcmd on the service's process, then
 * summed from its execution samples: the methods most often on top (self time), the methods most often anywhere
 * on the stack (total time), and the share of samples inside a few areas named by package.
 */
final class Profile {

    /** Areas of interest: a sample counts for an area when any of its frames is in one of these packages. */
    static final Map<String, List<String>> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("JWT verification and parsing (smallrye-jwt, jose4j)", List.of("io.smallrye.jwt", "org.jose4j"));
        AREAS.put("RSA signature (sun.security.rsa, BigInteger)",
                List.of("sun.security.rsa", "java.math.BigInteger"));
        AREAS.put("Database (PostgreSQL JDBC, Agroal, Hibernate)",
                List.of("org.postgresql", "io.agroal", "org.hibernate"));
        AREAS.put("JSON (Jackson)", List.of("com.fasterxml.jackson"));
        AREAS.put("Bean validation (Hibernate Validator)", List.of("org.hibernate.validator"));
        AREAS.put("Kafka (clients, SmallRye Reactive Messaging)",
                List.of("org.apache.kafka", "io.smallrye.reactive.messaging"));
        AREAS.put("Hibernate ORM (sessions, queries, flush; not the validator)", List.of("org.hibernate.engine",
                "org.hibernate.internal", "org.hibernate.query", "org.hibernate.sql", "org.hibernate.event",
                "org.hibernate.persister", "org.hibernate.resource", "org.hibernate.action"));
        AREAS.put("Transactions (Narayana)", List.of("com.arjuna", "io.quarkus.narayana"));
        AREAS.put("Outbox relay (kit)", List.of("com.justelegance.privacy.kit.outbox.OutboxRelay"));
        AREAS.put("Audit log (kit)", List.of("com.justelegance.privacy.kit.audit"));
        AREAS.put("Keyed hashes and encryption (HMAC, AES-GCM)", List.of("com.sun.crypto.provider",
                "javax.crypto", "com.justelegance.privacy.kit.crypto"));
        AREAS.put("Inbox and event decoding (kit inbox, shared-events)",
                List.of("com.justelegance.privacy.kit.inbox", "com.justelegance.privacy.events"));
        AREAS.put("Start-up: migrations (Flyway)", List.of("org.flywaydb"));
        AREAS.put("Start-up: class loading and Quarkus bootstrap",
                List.of("jdk.internal.loader", "java.lang.ClassLoader", "io.quarkus.bootstrap"));
    }

    /** Plumbing every request passes through (threads, reactive operators, routing): left out of the totals. */
    static final List<String> PLUMBING = List.of("java.lang.Thread", "java.util.concurrent", "io.smallrye.mutiny",
            "io.smallrye.context", "io.vertx", "io.netty", "org.jboss.threads", "org.jboss.resteasy.reactive",
            "io.quarkus.vertx", "io.quarkus.resteasy.reactive.server.runtime.QuarkusResteasyReactiveRequestContext");

    /** The top frames, the hottest methods on the stack, and each area's share, in percent of samples. */
    record Summary(int samples, Map<String, Double> topSelf, Map<String, Double> topTotal,
                   Map<String, Double> areas) {

        /** The areas, the top frames and the hottest methods as Markdown tables under a heading. */
        String markdown(String heading) {
            StringBuilder md = new StringBuilder("### " + heading + " (JFR, " + samples + " execution samples)\n\n"
                    + "| Area (any frame in it) | Samples |\n|---|---|\n");
            areas.forEach((area, share) -> md.append("| ").append(area).append(" | ")
                    .append("%.0f %%".formatted(share)).append(" |\n"));
            md.append("\n| Top frame (self) | Samples |\n|---|---|\n");
            topSelf.forEach((frame, share) -> md.append("| `").append(frame).append("` | ")
                    .append("%.1f %%".formatted(share)).append(" |\n"));
            md.append("\n| On the stack (total, request plumbing left out) | Samples |\n|---|---|\n");
            topTotal.forEach((frame, share) -> md.append("| `").append(frame).append("` | ")
                    .append("%.1f %%".formatted(share)).append(" |\n"));
            return md.toString();
        }
    }

    interface Workload {
        void run() throws Exception;
    }

    private Profile() {
    }

    static Summary record(String jcmd, String pid, Path file, Workload workload) throws Exception {
        run(jcmd, pid, "JFR.start", "name=bench", "settings=profile");
        try {
            workload.run();
        } finally {
            run(jcmd, pid, "JFR.stop", "name=bench", "filename=" + file);
        }
        return summarise(file);
    }

    /**
     * Deletes a recording once summed up, or keeps it (and says where) with {@code --keep-recordings true}, for a
     * closer look with {@code jfr print} or JDK Mission Control.
     */
    static void keepOrDelete(Path recording, Options options) throws Exception {
        if (options.flag("keep-recordings")) {
            System.out.println("   recording kept: " + recording);
        } else {
            Files.deleteIfExists(recording);
        }
    }

    static Summary summarise(Path file) throws Exception {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> areas = new LinkedHashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            List<RecordedFrame> frames = stack.getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.getFirst()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (PLUMBING.stream().noneMatch(name::startsWith) && seen.add(name)) {
                    total.merge(name, 1, Integer::sum);
                }
            }
            for (Map.Entry<String, List<String>> area : AREAS.entrySet()) {
                boolean inside = frames.stream().anyMatch(frame -> area.getValue().stream()
                        .anyMatch(prefix -> frame.getMethod().getType().getName().startsWith(prefix)));
                if (inside) {
                    areas.merge(area.getKey(), 1, Integer::sum);
                }
            }
        }
        return new Summary(samples, top(self, samples, 15), top(total, samples, 20), percent(areas, samples));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static Map<String, Double> top(Map<String, Integer> counts, int samples, int limit) {
        Map<String, Double> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> top.put(entry.getKey(), 100.0 * entry.getValue() / samples));
        return top;
    }

    private static Map<String, Double> percent(Map<String, Integer> counts, int samples) {
        Map<String, Double> shares = new LinkedHashMap<>();
        AREAS.keySet().forEach(area -> shares.put(area, 100.0 * counts.getOrDefault(area, 0) / Math.max(1, samples)));
        return shares;
    }

    private static void run(String jcmd, String pid, String... command) throws Exception {
        List<String> line = new java.util.ArrayList<>(List.of(jcmd, pid));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
    }
}
