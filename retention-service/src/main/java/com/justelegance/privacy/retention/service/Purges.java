package com.justelegance.privacy.retention.service;

import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.erasure.ErasureReceipts;
import com.justelegance.privacy.kit.outbox.Outbox;
import com.justelegance.privacy.retention.config.RetentionConfig;
import com.justelegance.privacy.retention.domain.HoldReason;
import com.justelegance.privacy.retention.domain.PurgeRun;
import com.justelegance.privacy.retention.repository.PurgeLock;
import com.justelegance.privacy.retention.repository.PurgeRepository;
import com.justelegance.privacy.retention.repository.RetentionRuleRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The purge: every subject past its erasure due date and not held gets ErasureRequested through the outbox, with
 * reason RETENTION_EXPIRED, or DATA_REAPPEARED_AFTER_ERASURE when data about an erased subject came back.
 *
 * <p>Runs go one at a time across all instances ({@link PurgeLock}): a run asked for while another is in progress
 * is not started. A run works in batches, one transaction each: it claims due subjects with
 * {@code FOR UPDATE SKIP LOCKED}, requests their erasure and marks them requested, so a subject being held at that
 * moment is not taken and no subject is requested twice. Every run is recorded in the run log. The preview answers
 * the same question without claiming or requesting anything.
 */
@ApplicationScoped
public class Purges {

    private final PurgeRepository purges;
    private final PurgeLock purgeLock;
    private final ErasureReceipts erasures;
    private final RetentionRuleRepository rules;
    private final Holds holds;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int batchSize;
    private final String serviceName;

    public Purges(PurgeRepository purges, PurgeLock purgeLock, ErasureReceipts erasures, RetentionRuleRepository rules,
                  Holds holds, Outbox outbox, AuditLog auditLog, Clock clock, RetentionConfig config,
                  @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.purges = purges;
        this.purgeLock = purgeLock;
        this.erasures = erasures;
        this.rules = rules;
        this.holds = holds;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
        this.batchSize = config.purge().batchSize();
        this.serviceName = serviceName;
    }

    /**
     * Who would be erased by a run, now or within the coming days, and how many per rule category; and who of the
     * due subjects would be skipped, and why.
     */
    public record Preview(Instant asOf, Instant dueBy, int erasable, int held, List<CategoryCount> byCategory,
                          List<PurgeRepository.DueSubject> subjects, List<HeldSubject> heldSubjects) {
    }

    /** A due subject a run would skip, and what holds it. */
    public record HeldSubject(PurgeRepository.DueSubject subject, List<HoldReason> heldBy) {
    }

    /** A run from the log, and how many of the erasures it requested every expected service has confirmed. */
    public record RunRecord(PurgeRun run, int erasuresConfirmed) {
    }

    /** How many of the erasable subjects have records the rule of a category is about. */
    public record CategoryCount(String category, String anchor, String action, int subjects) {
    }

    /**
     * Runs the purge to the end and returns its log entry, or nothing when another run is in progress (on this or
     * another instance). Subjects are due when their due date is not later than the moment the run started.
     */
    public Optional<PurgeRun> run(PurgeRun.Trigger trigger, String startedBy) {
        Optional<PurgeLock.Held> lock = purgeLock.tryAcquire();
        if (lock.isEmpty()) {
            Log.infof("Purge run (%s) not started: another run is in progress", trigger.name().toLowerCase());
            return Optional.empty();
        }
        try (PurgeLock.Held held = lock.get()) {
            return Optional.of(runAlone(trigger, startedBy));
        }
    }

    private PurgeRun runAlone(PurgeRun.Trigger trigger, String startedBy) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        PurgeRun run = QuarkusTransaction.requiringNew().call(() -> {
            // With the lock held no other run can be going: a RUNNING entry is left from an instance that died.
            int abandoned = purges.abandonUnfinished(now);
            if (abandoned > 0) {
                Log.warnf("Marked %d purge runs left unfinished by a stopped instance as failed", abandoned);
            }
            PurgeRepository.DueCounts due = purges.countDue(now, today);
            PurgeRun started = new PurgeRun(trigger, startedBy, now, due.due(), due.held());
            purges.persist(started);
            return started;
        });
        int requested = 0;
        int reerasures = 0;
        try {
            List<ErasureReason> batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(() -> requestBatch(run.id(), now, today));
                requested += batch.size();
                reerasures += (int) batch.stream()
                        .filter(reason -> reason == ErasureReason.DATA_REAPPEARED_AFTER_ERASURE).count();
            } while (batch.size() == batchSize);
            return finish(run.id(), PurgeRun.Status.COMPLETED, requested, reerasures);
        } catch (RuntimeException e) {
            Log.errorf(e, "Purge run %s failed after requesting %d erasures", run.id(), requested);
            finish(run.id(), PurgeRun.Status.FAILED, requested, reerasures);
            throw e;
        }
    }

    /** What a run started now would do, and what would come due within {@code days} more days. */
    @Transactional
    public Preview preview(int days, int limit) {
        Instant now = clock.instant();
        Instant dueBy = now.plus(Duration.ofDays(days));
        LocalDate holdDay = LocalDate.ofInstant(dueBy, ZoneOffset.UTC);
        PurgeRepository.DueCounts counts = purges.countDue(dueBy, holdDay);
        List<PurgeRepository.DueSubject> subjects = purges.erasable(dueBy, holdDay, limit);
        List<PurgeRepository.DueSubject> held = purges.held(dueBy, holdDay, limit);
        Map<String, List<HoldReason>> reasons = holds.reasonsHolding(
                held.stream().map(PurgeRepository.DueSubject::subjectId).toList(), holdDay);
        List<HeldSubject> heldSubjects = held.stream()
                .map(subject -> new HeldSubject(subject, reasons.getOrDefault(subject.subjectId(), List.of())))
                .toList();
        List<CategoryCount> byCategory = rules.inForce().stream()
                .map(rule -> new CategoryCount(rule.category(), rule.anchor().name(), rule.action().name(),
                        counts.erasableByAnchor().get(rule.anchor())))
                .toList();
        Map<String, Object> details = Map.of("days", days, "erasable", counts.erasable(), "listed", subjects.size(),
                "heldListed", held.size());
        List<String> listed = new ArrayList<>();
        subjects.forEach(subject -> listed.add(subject.subjectId()));
        held.forEach(subject -> listed.add(subject.subjectId()));
        if (listed.isEmpty()) {
            auditLog.record("retention.purge.previewed", null, details);
        } else {
            // Listing who would be erased, or who is held and why, reads those subjects' data: one entry each.
            auditLog.recordEach("retention.purge.previewed", listed, details);
        }
        return new Preview(now, dueBy, counts.erasable(), counts.held(), byCategory, subjects, heldSubjects);
    }

    @Transactional
    public Optional<RunRecord> findRun(UUID runId) {
        return purges.findByIdOptional(runId).map(run -> withConfirmations(List.of(run)).getFirst());
    }

    @Transactional
    public List<RunRecord> recentRuns(int limit) {
        return withConfirmations(purges.recent(limit));
    }

    /** The erasures a run requested, each with when its last expected receipt came in. */
    @Transactional
    public List<ErasureReceipts.RequestedErasure> requestsOfRun(UUID runId, int limit) {
        return erasures.ofGroup(runId, limit);
    }

    private List<RunRecord> withConfirmations(List<PurgeRun> runs) {
        Map<UUID, Integer> confirmed = erasures.closedPerGroup(runs.stream().map(PurgeRun::id).toList());
        return runs.stream().map(run -> new RunRecord(run, confirmed.getOrDefault(run.id(), 0))).toList();
    }

    /** Claims one batch of due subjects and requests their erasure; returns the reasons, one per request. */
    private List<ErasureReason> requestBatch(UUID runId, Instant now, LocalDate today) {
        List<PurgeRepository.DueSubject> claimed = purges.claimErasable(now, today, batchSize);
        List<EventEnvelope<ErasureRequested>> events = new ArrayList<>(claimed.size());
        List<ErasureReceipts.NewErasure> requests = new ArrayList<>(claimed.size());
        for (PurgeRepository.DueSubject subject : claimed) {
            ErasureReason reason = subject.reappeared() ? ErasureReason.DATA_REAPPEARED_AFTER_ERASURE
                    : ErasureReason.RETENTION_EXPIRED;
            String requestId = "ret-" + UUID.randomUUID();
            events.add(outbox.envelope(subject.subjectId(), new ErasureRequested(requestId, reason, serviceName),
                    runId));
            requests.add(new ErasureReceipts.NewErasure(requestId, subject.subjectId(), reason));
        }
        outbox.publishAll(events);
        erasures.track(requests, runId, now);
        purges.markRequested(requests, now);
        return events.stream().map(event -> event.payload().reason()).toList();
    }

    private PurgeRun finish(UUID runId, PurgeRun.Status status, int requested, int reerasures) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PurgeRun run = purges.findById(runId);
            run.finish(status, requested, reerasures, clock.instant());
            auditLog.record("retention.purge.run", null, Map.of("runId", runId.toString(),
                    "trigger", run.trigger().name(), "status", status.name(), "selected", run.subjectsSelected(),
                    "skippedForHolds", run.skippedForHolds(), "requested", requested, "reerasures", reerasures));
            Log.infof("Purge run %s %s: %d due, %d held, %d erasures requested (%d re-erasures)", runId,
                    status.name().toLowerCase(), run.subjectsSelected(), run.skippedForHolds(), requested,
                    reerasures);
            return run;
        });
    }
}
