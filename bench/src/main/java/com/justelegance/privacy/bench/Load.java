package com.justelegance.privacy.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one operation from N concurrent clients (one thread each) for a fixed duration after a warm-up, counting
 * the operations, the wrong answers and the latencies (HdrHistogram, microseconds).
 *
 * <p>Closed loop at the maximum rate (each client sends its next request when the last answered), or paced at a
 * target rate spread over the clients. Paced latencies are measured from when a request was due, not when it was
 * sent, so a stall is not hidden by the requests it delayed (coordinated omission).
 */
final class Load {

    /** One unit of work; each client gets its own (its own connection, say). */
    interface Operation extends AutoCloseable {
        /** Does the work once; false when the answer was wrong (a fast wrong answer is a failure, not a result). */
        boolean run() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Makes one client's operation. */
    interface OperationFactory {
        Operation open() throws Exception;
    }

    /** What a run measured: operations done and wrong in the measured window, and their latencies. */
    record Result(long operations, long failures, double seconds, Histogram latencies) {
        double perSecond() {
            return operations / seconds;
        }

        double p50Millis() {
            return latencies.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latencies.getValueAtPercentile(99) / 1000.0;
        }
    }

    private Load() {
    }

    /**
     * @param targetRate operations per second over all clients, or 0 for as fast as they go
     */
    static Result run(String label, int clients, Duration warmUp, Duration duration, double targetRate,
                      OperationFactory factory) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + duration.toNanos();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        long intervalNanos = targetRate > 0 ? (long) (clients * 1e9 / targetRate) : 0;
        for (int c = 0; c < clients; c++) {
            Histogram histogram = new Histogram(60_000_000L, 3);
            histograms.add(histogram);
            Operation operation = factory.open();
            long firstDue = start + (intervalNanos * c) / clients;
            Thread thread = Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                try (operation) {
                    long due = firstDue;
                    while (true) {
                        long sent;
                        if (intervalNanos > 0) {
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            sent = due;
                            due += intervalNanos;
                        } else {
                            sent = System.nanoTime();
                        }
                        if (sent >= end) {
                            return;
                        }
                        boolean ok = operation.run();
                        long finished = System.nanoTime();
                        if (sent >= measureFrom && finished <= end) {
                            done.incrementAndGet();
                            if (!ok) {
                                failed.incrementAndGet();
                            }
                            histogram.recordValue(Math.min((finished - sent) / 1000, 60_000_000L));
                        }
                    }
                } catch (Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            });
            threads.add(thread);
        }
        Progress progress = new Progress(label, measureFrom, end, done);
        progress.start();
        for (Thread thread : threads) {
            thread.join();
        }
        progress.interrupt();
        progress.join();
        if (!errors.isEmpty()) {
            throw new IllegalStateException(label + ": a client failed: " + errors.getFirst(), errors.getFirst());
        }
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        return new Result(done.get(), failed.get(), duration.toNanos() / 1e9, all);
    }

    /** Prints a progress line every few seconds while a run goes. */
    private static final class Progress extends Thread {
        private final String label;
        private final long measureFrom;
        private final long end;
        private final AtomicLong done;

        Progress(String label, long measureFrom, long end, AtomicLong done) {
            super("bench-progress");
            setDaemon(true);
            this.label = label;
            this.measureFrom = measureFrom;
            this.end = end;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Thread.sleep(5_000);
                    long now = System.nanoTime();
                    if (now < measureFrom) {
                        System.out.printf("   %s: warming up (%d s left)%n", label, (measureFrom - now) / 1_000_000_000L);
                    } else {
                        double seconds = (now - measureFrom) / 1e9;
                        System.out.printf("   %s: %.0f/s so far, %d s left%n", label, done.get() / seconds,
                                Math.max(0, (end - now) / 1_000_000_000L));
                    }
                }
            } catch (InterruptedException e) {
                // the run is over
            }
        }
    }
}
