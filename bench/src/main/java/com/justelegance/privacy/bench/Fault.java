package com.justelegance.privacy.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The faults a fault run injects (issue 13), each while storefront events and consent decisions keep arriving.
 * {@link #inject} returns when the fault has ended: the broker or database started again, the killed instance
 * started again, the frozen one let go. What comes after (services ready again, consumers caught up) is the
 * recovery the run measures.
 */
enum Fault {

    BROKER_KILLED("the broker killed (kill -9), started again after " + Settings.OUTAGE.toSeconds() + " s") {
        @Override
        Instant inject(BenchSystem system) throws Exception {
            return outage(system::killBroker, system::startBroker);
        }
    },
    POSTGRES_STOPPED("PostgreSQL stopped immediately (pg_ctl -m immediate), started again after "
            + Settings.OUTAGE.toSeconds() + " s") {
        @Override
        Instant inject(BenchSystem system) throws Exception {
            return outage(system::stopPostgresImmediately, system::startPostgres);
        }
    },
    SERVICE_KILLED("retention-service, one of its two instances, killed (kill -9) mid-batch and started again") {
        @Override
        Instant inject(BenchSystem system) throws Exception {
            system.kill(KILLED);
            Thread.sleep(Duration.ofSeconds(2));
            Instant restarted = Instant.now();
            system.startInstance(KILLED);
            return restarted;
        }
    },
    SERVICE_FROZEN("disclosure-service, one of its two instances, frozen (SIGSTOP) for " + Settings.FREEZE.toSeconds()
            + " s with its connections open, then let go (SIGCONT)") {
        @Override
        Instant inject(BenchSystem system) throws Exception {
            system.signal(FROZEN, "STOP");
            try {
                Thread.sleep(Settings.FREEZE);
            } finally {
                system.signal(FROZEN, "CONT");
            }
            return Instant.now();
        }
    };

    static final String KILLED = "retention-service";
    static final String FROZEN = BenchSystem.instanceName("disclosure-service", 2);

    /** The durations, apart, so that the constants' descriptions can name them (an enum's own fields come later). */
    private static final class Settings {
        /** How long the broker and the database stay down. */
        static final Duration OUTAGE = Duration.ofSeconds(5);
        /** How long the frozen instance stays frozen (issue 13: a connection frozen for 30 s). */
        static final Duration FREEZE = Duration.ofSeconds(30);
    }

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** Injects the fault and returns when it ended (what was stopped runs again). */
    abstract Instant inject(BenchSystem system) throws Exception;

    /** Something the fault does to the system: stop or start a part of it. */
    interface Action {
        void run() throws Exception;
    }

    /** Stops a part of the system, leaves it down for {@link Settings#OUTAGE}, starts it again. */
    private static Instant outage(Action stop, Action start) throws Exception {
        stop.run();
        Thread.sleep(Settings.OUTAGE);
        start.run();
        return Instant.now();
    }

    /** Run n's three faults: each run leaves out another of the four, so three runs cover each twice or more. */
    static List<Fault> forRun(int run) {
        Fault[] all = values();
        int skipped = (all.length - 1 + run - 1) % all.length; // run 1 skips the freeze, the longest
        return IntStream.range(0, all.length).filter(i -> i != skipped).mapToObj(i -> all[i])
                .toList();
    }
}
