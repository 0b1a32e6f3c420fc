package com.justelegance.privacy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** One service the bench started: its process, when it was started and when it first answered ready. */
final class ServiceProcess {

    private final String name;
    private final Process process;
    private final long startNanos;
    private final Path log;
    private volatile long readyNanos;

    ServiceProcess(String name, Process process, long startNanos, Path log) {
        this.name = name;
        this.process = process;
        this.startNanos = startNanos;
        this.log = log;
    }

    String name() {
        return name;
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** {@link System#nanoTime()} when the process was started. */
    long startNanos() {
        return startNanos;
    }

    void ready(long nanos) {
        this.readyNanos = nanos;
    }

    /** From process start to the first ready answer of its health check. */
    double startUpSeconds() {
        return (readyNanos - startNanos) / 1e9;
    }

    /** Resident memory now (VmRSS from /proc), in MiB. */
    double residentMiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("No VmRSS for " + name);
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
