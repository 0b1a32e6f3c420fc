-- Legal holds placed by the privacy officer. While one is active (not released, end date not passed) the subject
-- is never purged.
CREATE TABLE legal_hold (
    id           UUID         PRIMARY KEY,
    subject_id   VARCHAR(64)  NOT NULL,
    reason       VARCHAR(40)  NOT NULL,
    reference    VARCHAR(64)  NOT NULL,
    ends_on      DATE,
    placed_at    TIMESTAMPTZ  NOT NULL,
    placed_by    VARCHAR(100) NOT NULL,
    released_at  TIMESTAMPTZ,
    released_by  VARCHAR(100)
);
CREATE INDEX legal_hold_subject ON legal_hold (subject_id);

-- Complaints reported by CustomerContacted. Open while the latest OPEN report is later than the latest RESOLVED
-- one, whatever order the reports arrive in.
CREATE TABLE complaint_hold (
    subject_id    VARCHAR(64)  NOT NULL,
    complaint_id  VARCHAR(64)  NOT NULL,
    opened_at     TIMESTAMPTZ,
    resolved_at   TIMESTAMPTZ,
    PRIMARY KEY (subject_id, complaint_id)
);

-- Data-subject requests dsr-service reports open (SubjectRequestOpened); the row goes when it reports the
-- request closed, so nothing about the subject stays behind.
CREATE TABLE subject_request_hold (
    request_id    VARCHAR(64)  PRIMARY KEY,
    subject_id    VARCHAR(64)  NOT NULL,
    request_type  VARCHAR(30)  NOT NULL,
    opened_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX subject_request_hold_subject ON subject_request_hold (subject_id);
