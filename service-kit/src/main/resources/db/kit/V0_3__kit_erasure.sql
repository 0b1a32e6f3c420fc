-- The erasure protocol's tables (kit.erasure). Subjects appear only as keyed hashes (subject_ref).

-- What remains of an erased subject: enough to prove the erasure and to notice data arriving after it.
-- reason is null only for tombstones a service kept before the kit recorded reasons.
CREATE TABLE subject_tombstone (
    subject_ref      VARCHAR(64)  PRIMARY KEY,
    request_id       VARCHAR(64)  NOT NULL,
    reason           VARCHAR(40),
    erased_at        TIMESTAMPTZ  NOT NULL,
    erasures         INTEGER      NOT NULL,
    late_arrival_at  TIMESTAMPTZ
);

-- Erasures this service requested (a purge, a data-subject request), and each participant's receipt.
CREATE TABLE requested_erasure (
    request_id    VARCHAR(64)  PRIMARY KEY,
    subject_ref   VARCHAR(64)  NOT NULL,
    reason        VARCHAR(40)  NOT NULL,
    group_id      UUID,
    requested_at  TIMESTAMPTZ  NOT NULL,
    closed_at     TIMESTAMPTZ
);
CREATE INDEX requested_erasure_group ON requested_erasure (group_id);
CREATE INDEX requested_erasure_subject ON requested_erasure (subject_ref);
CREATE INDEX requested_erasure_open ON requested_erasure (requested_at) WHERE closed_at IS NULL;

CREATE TABLE erasure_receipt_record (
    request_id    VARCHAR(64)  NOT NULL REFERENCES requested_erasure (request_id),
    service       VARCHAR(40)  NOT NULL,
    completed_at  TIMESTAMPTZ  NOT NULL,
    erased        TEXT         NOT NULL,
    withheld      TEXT         NOT NULL,
    received_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (request_id, service)
);
