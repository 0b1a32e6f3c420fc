package com.justelegance.privacy.retention.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of the purge job, the evidence that retention ran: when it started and ended, how many subjects were
 * due, how many of those were skipped because they were held, and how many erasures it requested.
 */
@Entity
@Table(name = "purge_run")
public class PurgeRun {

    /** What started a run. */
    public enum Trigger {
        SCHEDULED,
        MANUAL
    }

    /** Where a run is. */
    public enum Status {
        RUNNING,
        COMPLETED,
        FAILED
    }

    @Id
    @Column(name = "id")
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "run_trigger", nullable = false, updatable = false)
    private Trigger trigger;

    @Column(name = "started_by", nullable = false, updatable = false)
    private String startedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status;

    @Column(name = "subjects_selected", nullable = false, updatable = false)
    private int subjectsSelected;

    @Column(name = "skipped_for_holds", nullable = false, updatable = false)
    private int skippedForHolds;

    @Column(name = "erasures_requested", nullable = false)
    private int erasuresRequested;

    @Column(name = "reerasures_requested", nullable = false)
    private int reerasuresRequested;

    protected PurgeRun() {
    }

    /**
     * @param subjectsSelected the subjects due and not yet requested when the run started
     * @param skippedForHolds  how many of them were held
     */
    public PurgeRun(Trigger trigger, String startedBy, Instant startedAt, int subjectsSelected,
                    int skippedForHolds) {
        this.id = UUID.randomUUID();
        this.trigger = trigger;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.status = Status.RUNNING;
        this.subjectsSelected = subjectsSelected;
        this.skippedForHolds = skippedForHolds;
    }

    /**
     * Records how the run ended.
     *
     * @param reerasuresRequested how many of the requested erasures were for data that reappeared after erasure
     */
    public void finish(Status outcome, int erasuresRequested, int reerasuresRequested, Instant at) {
        this.status = outcome;
        this.erasuresRequested = erasuresRequested;
        this.reerasuresRequested = reerasuresRequested;
        this.finishedAt = at;
    }

    public UUID id() {
        return id;
    }

    public Trigger trigger() {
        return trigger;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Status status() {
        return status;
    }

    public int subjectsSelected() {
        return subjectsSelected;
    }

    public int skippedForHolds() {
        return skippedForHolds;
    }

    public int erasuresRequested() {
        return erasuresRequested;
    }

    public int reerasuresRequested() {
        return reerasuresRequested;
    }
}
