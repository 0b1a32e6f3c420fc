package com.justelegance.privacy.bench;

import java.time.Duration;
import java.util.Map;

/**
 * The load generator's options ({@code PRIVACY_BENCH_ARGS}), shared by the benchmarks: {@code --clients} (16),
 * {@code --seconds} (10, each measured phase), {@code --warm-up-seconds} (3), {@code --repetitions} (3), and any
 * benchmark's own ({@link #integer}).
 */
record Options(Map<String, String> values) {

    int clients() {
        return integer("clients", 16);
    }

    Duration duration() {
        return Duration.ofSeconds(integer("seconds", 10));
    }

    Duration warmUp() {
        return Duration.ofSeconds(integer("warm-up-seconds", 3));
    }

    int repetitions() {
        return integer("repetitions", 3);
    }

    int integer(String name, int defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : Integer.parseInt(value.replace("_", ""));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }
}
