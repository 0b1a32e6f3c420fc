-- Where each subject stands in the purge: requested (so no later run requests them again), and whether data about
-- them reappeared after an erasure (due again at once). The purge finds due subjects through the partial index.
ALTER TABLE subject_timeline
    ADD COLUMN reappeared_at         TIMESTAMPTZ,
    ADD COLUMN erasure_requested_at  TIMESTAMPTZ,
    ADD COLUMN erasure_request_id    VARCHAR(64);
CREATE INDEX subject_timeline_erasure_due ON subject_timeline (erasure_due_at) WHERE erasure_requested_at IS NULL;

-- The purge run log: one row per run, scheduled or manual, with what it found and did.
CREATE TABLE purge_run (
    id                    UUID         PRIMARY KEY,
    run_trigger           VARCHAR(20)  NOT NULL,
    started_by            VARCHAR(100) NOT NULL,
    started_at            TIMESTAMPTZ  NOT NULL,
    finished_at           TIMESTAMPTZ,
    status                VARCHAR(20)  NOT NULL,
    subjects_selected     INTEGER      NOT NULL,
    skipped_for_holds     INTEGER      NOT NULL,
    erasures_requested    INTEGER      NOT NULL,
    reerasures_requested  INTEGER      NOT NULL
);
CREATE INDEX purge_run_started ON purge_run (started_at);

-- The erasures this service requested, by the subject's keyed hash (never the subject id), and when every
-- expected service's receipt was in.
CREATE TABLE erasure_request (
    request_id    VARCHAR(64)  PRIMARY KEY,
    subject_ref   VARCHAR(64)  NOT NULL,
    reason        VARCHAR(40)  NOT NULL,
    run_id        UUID         REFERENCES purge_run (id),
    requested_at  TIMESTAMPTZ  NOT NULL,
    closed_at     TIMESTAMPTZ
);
CREATE INDEX erasure_request_run ON erasure_request (run_id);
CREATE INDEX erasure_request_subject ON erasure_request (subject_ref);
