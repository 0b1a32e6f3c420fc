-- Data-subject requests ("cases"). What the requester told us (identifiers, message) is encrypted with the case's
-- own key in the kit's subject_key table (owner 'case:<id>'), so destroying that key when the case file's retention
-- ends makes every copy unreadable. Outside the ciphertext a case holds only codes, dates, opaque ids and keyed hashes.

CREATE SEQUENCE request_case_number;

CREATE TABLE request_case (
    id              uuid PRIMARY KEY,
    reference       text        NOT NULL UNIQUE,
    -- NULL: to be classified (a mail that did not say which right it exercises)
    request_type    text,
    channel         text        NOT NULL,
    nation          text        NOT NULL,
    received_on     date        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    recorded_by     text        NOT NULL,
    status          text        NOT NULL,
    -- the clock's due date as last computed, for the work queue's order and the overdue filter; NULL while paused
    due_on          date,
    subject_id      text,
    requester       bytea       NOT NULL,
    assignee        text,
    -- a keyed hash of the mail's Message-ID, so a mail read twice opens one case
    mail_ref        text UNIQUE,
    opened_event    boolean     NOT NULL DEFAULT false,
    closed_at       timestamptz,
    -- why it closed as it did, a code (RefusalReason for a refusal); the words are on the trail, encrypted
    closing_reason  text,
    version         bigint      NOT NULL DEFAULT 0
);

CREATE INDEX request_case_queue ON request_case (status, due_on);
CREATE INDEX request_case_subject ON request_case (subject_id);

-- Keyed hashes of the requester's identifiers (kind: EMAIL, PHONE, CUSTOMER_NUMBER): likely duplicates and look-ups
-- without decrypting anything.
CREATE TABLE case_identifier (
    case_id     uuid NOT NULL REFERENCES request_case (id) ON DELETE CASCADE,
    kind        text NOT NULL,
    keyed_hash  text NOT NULL,
    PRIMARY KEY (case_id, kind)
);
CREATE INDEX case_identifier_hash ON case_identifier (keyed_hash);

-- The events that move the response clock, replayed in order through ResponseClock.
CREATE TABLE case_clock_event (
    case_id  uuid NOT NULL REFERENCES request_case (id) ON DELETE CASCADE,
    seq      int  NOT NULL,
    kind     text NOT NULL,
    on_date  date NOT NULL,
    reason   text,
    PRIMARY KEY (case_id, seq)
);

-- The case's trail: who did what, when, from which status to which, and why (the why is encrypted: staff write it).
CREATE TABLE case_trail_entry (
    id           bigserial PRIMARY KEY,
    case_id      uuid        NOT NULL REFERENCES request_case (id) ON DELETE CASCADE,
    at           timestamptz NOT NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    from_status  text,
    to_status    text,
    why          bytea
);
CREATE INDEX case_trail_entry_case ON case_trail_entry (case_id, id);
