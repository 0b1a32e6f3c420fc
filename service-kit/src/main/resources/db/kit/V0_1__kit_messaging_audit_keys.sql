-- Tables every service gets from service-kit. Kit migrations are numbered 0.x so they sort before a service's
-- own V1, V2...; services run Flyway with out-of-order enabled so a later kit migration still applies.

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
CREATE TABLE outbox_event (
    id          BIGSERIAL    PRIMARY KEY,
    event_id    UUID         NOT NULL UNIQUE,
    topic       VARCHAR(200) NOT NULL,
    event_key   VARCHAR(64)  NOT NULL,
    event_type  VARCHAR(100) NOT NULL,
    payload     JSONB        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ,
    attempts    INTEGER      NOT NULL DEFAULT 0,
    last_error  VARCHAR(500)
);
CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_unsent_key ON outbox_event (event_key, id) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;

-- Idempotent inbox: one row per event a consumer has applied, written in the same transaction as its effects.
CREATE TABLE processed_event (
    consumer      VARCHAR(100) NOT NULL,
    event_id      UUID         NOT NULL,
    processed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Append-only, hash-chained audit log. Ids and codes only: subject_ref is a keyed hash, never the subject id.
CREATE TABLE audit_entry (
    id           BIGSERIAL    PRIMARY KEY,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(100) NOT NULL,
    action       VARCHAR(100) NOT NULL,
    subject_ref  VARCHAR(64),
    details      VARCHAR(2000) NOT NULL,
    prev_hash    VARCHAR(64)  NOT NULL,
    hash         VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_entry_subject ON audit_entry (subject_ref);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();

-- Per-subject data keys, wrapped with the service's master key. Deleting the row is crypto-shredding: whatever
-- was encrypted with it can never be read again.
CREATE TABLE subject_key (
    subject_id   VARCHAR(64)  PRIMARY KEY,
    wrapped_key  BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
