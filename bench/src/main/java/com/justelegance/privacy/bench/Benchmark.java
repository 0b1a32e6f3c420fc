package com.justelegance.privacy.bench;

/** One of the benchmarks of issue 12: measures against its baseline on the bench's stack and checks its counts. */
interface Benchmark {

    /** The name {@code ./stack bench <name>} runs it by. */
    String name();

    /**
     * Runs it: starts the services it needs (and stops them, or leaves them to the next benchmark: the bench stops
     * whatever still runs at the end), measures, checks every answer it timed.
     */
    Section run(BenchSystem system, Options options) throws Exception;
}
