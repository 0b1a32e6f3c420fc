-- Every dated contact the retention clock runs from: orders, contact-centre contacts, account and consent changes.
CREATE TABLE timeline_entry (
    event_id     UUID         PRIMARY KEY,
    subject_id   VARCHAR(64)  NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX timeline_entry_subject ON timeline_entry (subject_id, occurred_at);

-- Per subject: the latest contact. Only ever moves forward, whatever order events arrive in.
CREATE TABLE subject_timeline (
    subject_id       VARCHAR(64)  PRIMARY KEY,
    last_contact_at  TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
