-- The signed erasure certificate a case's erasure ended with: the JSON exactly as issued (its signature covers the
-- canonical form of "certificate", so the stored text is handed out unchanged). It names the subject only by keyed
-- hash and holds codes, counts and dates.
CREATE TABLE erasure_certificate (
    case_id         uuid        PRIMARY KEY REFERENCES request_case (id) ON DELETE CASCADE,
    certificate_id  uuid        NOT NULL UNIQUE,
    issued_at       timestamptz NOT NULL,
    document        text        NOT NULL
);
