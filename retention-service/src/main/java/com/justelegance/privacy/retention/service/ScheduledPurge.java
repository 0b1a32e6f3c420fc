package com.justelegance.privacy.retention.service;

import com.justelegance.privacy.retention.domain.PurgeRun;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Starts the purge on the configured schedule ({@code retention.purge.cron}, {@code off} to disable). Safe on every
 * instance at once: one instance runs it, the others find a run in progress and leave it be.
 */
@ApplicationScoped
public class ScheduledPurge {

    private final Purges purges;

    public ScheduledPurge(Purges purges) {
        this.purges = purges;
    }

    @Scheduled(identity = "retention-purge", cron = "${retention.purge.cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        purges.run(PurgeRun.Trigger.SCHEDULED, "scheduler");
    }
}
