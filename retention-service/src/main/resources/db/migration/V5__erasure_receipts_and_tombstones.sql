-- Each service's receipt for an erasure this service requested: what it erased and what it kept, as the codes
-- and counts of its ErasureCompleted event (JSON).
CREATE TABLE erasure_receipt (
    request_id    VARCHAR(64)  NOT NULL REFERENCES erasure_request (request_id),
    service       VARCHAR(40)  NOT NULL,
    completed_at  TIMESTAMPTZ  NOT NULL,
    erased        TEXT         NOT NULL,
    withheld      TEXT         NOT NULL,
    received_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (request_id, service)
);

-- All that is left of an erased subject: the keyed hash of their id, when they were last erased and why. Lets a
-- late event for them be recognised as data that reappeared, without keeping who they were.
CREATE TABLE erasure_tombstone (
    subject_ref  VARCHAR(64)  PRIMARY KEY,
    erased_at    TIMESTAMPTZ  NOT NULL,
    reason       VARCHAR(40)  NOT NULL,
    request_id   VARCHAR(64)  NOT NULL,
    erasures     INTEGER      NOT NULL
);
