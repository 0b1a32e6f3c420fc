package com.justelegance.privacy.kit.audit;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.context.api.ManagedExecutorConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Chains committed audit entries into the sealed chain ({@link AuditLog#sealBatch}), off the writers' path.
 *
 * <p>A round starts right after any transaction that appended entries commits, and every second for entries whose
 * transaction could not be sealed yet (an older transaction was still running), written by another instance, or
 * left by a crash. As with the outbox relay, the round after a commit runs on a managed executor that carries none
 * of the committing thread's contexts, one task at a time and at most one queued: one round seals everything
 * sealable when it starts. Several instances may seal at once; the database's advisory lock orders them.
 */
@ApplicationScoped
public class AuditSealer {

    private static final int BATCH = 1000;

    private final AuditLog auditLog;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean stopping;

    @Inject
    @ManagedExecutorConfig(maxAsync = 1, maxQueued = 1, propagated = {}, cleared = ThreadContext.ALL_REMAINING)
    ManagedExecutor wakeExecutor;

    public AuditSealer(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** After a commit that appended audit entries: seal on the wake executor, not the committing request's thread. */
    void onAuditWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditWritten written) {
        if (!stopping && wakeQueued.compareAndSet(false, true)) {
            try {
                wakeExecutor.execute(() -> {
                    wakeQueued.set(false);
                    if (!stopping) {
                        sealQuietly();
                    }
                });
            } catch (RejectedExecutionException e) {
                wakeQueued.set(false); // the worker pool is stopping or full: the scheduled round seals these
                Log.debugf("Audit sealer wake not queued (%s); the scheduled round seals the entries", e.getMessage());
            }
        }
    }

    @Scheduled(identity = "audit-sealer", every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sealQuietly() {
        try {
            sealCommitted();
        } catch (RuntimeException e) {
            Log.warnf("Sealing the audit chain failed (%s); the next round tries again", e.getClass().getSimpleName());
        }
    }

    /**
     * Seals every entry whose transaction has ended (in batches, each its own transaction) and says how many.
     * Verification and anchoring call it first, so they cover everything that can be sealed when they start.
     */
    public long sealCommitted() {
        long sealed = 0;
        int batch;
        do {
            batch = auditLog.sealBatch(BATCH);
            sealed += batch;
        } while (batch == BATCH);
        return sealed;
    }

    /** The executor is Quarkus'; on the way down only stop asking it for rounds (a round under way finishes). */
    @PreDestroy
    void stopWaking() {
        stopping = true;
    }
}
