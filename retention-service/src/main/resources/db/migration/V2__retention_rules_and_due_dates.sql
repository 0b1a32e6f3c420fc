-- Retention rules per record category, editable by the privacy officer. One current row per category.
CREATE TABLE retention_rule (
    category    VARCHAR(64)  PRIMARY KEY,
    anchor      VARCHAR(30)  NOT NULL,
    period      VARCHAR(40)  NOT NULL,
    action      VARCHAR(20)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    version     INTEGER      NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL,
    changed_by  VARCHAR(100) NOT NULL
);

-- Every version of every rule, including deletions: who changed what, when. Append-only.
CREATE TABLE retention_rule_version (
    id          BIGSERIAL    PRIMARY KEY,
    category    VARCHAR(64)  NOT NULL,
    version     INTEGER      NOT NULL,
    change      VARCHAR(10)  NOT NULL,
    anchor      VARCHAR(30)  NOT NULL,
    period      VARCHAR(40)  NOT NULL,
    action      VARCHAR(20)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL,
    changed_by  VARCHAR(100) NOT NULL,
    UNIQUE (category, version)
);

CREATE FUNCTION retention_rule_version_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'retention_rule_version is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER retention_rule_version_no_update BEFORE UPDATE OR DELETE ON retention_rule_version
    FOR EACH ROW EXECUTE FUNCTION retention_rule_version_is_append_only();

-- Seeded from the privacy policy (seed/privacy-policy.txt) and REGULATORY.md "Retention and records".
INSERT INTO retention_rule (category, anchor, period, action, reason, version, changed_at, changed_by) VALUES
    ('GENERAL', 'LAST_CONTACT', 'P6Y', 'ERASE',
     'Privacy policy: information is retained for 6 years after the customer''s last contact', 1, now(), 'seed'),
    ('ACCOUNT_DATA', 'ACCOUNT_CLOSED', 'P0D', 'ERASE',
     'Privacy policy: information is held for as long as the customer has an account', 1, now(), 'seed'),
    ('ORDER_AND_PAYMENT_RECORDS', 'ORDER_DATE', 'P6Y', 'ERASE',
     'HMRC: order and payment records are kept for 6 years for tax', 1, now(), 'seed');
INSERT INTO retention_rule_version (category, version, change, anchor, period, action, reason, changed_at, changed_by)
SELECT category, version, 'CREATED', anchor, period, action, reason, changed_at, changed_by FROM retention_rule;

-- The anchors the rules run from, each only ever moving forward, and the erasure due date they give.
ALTER TABLE subject_timeline
    ADD COLUMN last_order_at          TIMESTAMPTZ,
    ADD COLUMN account_opened_at      TIMESTAMPTZ,
    ADD COLUMN account_closed_at      TIMESTAMPTZ,
    ADD COLUMN consent_withdrawn_at   TIMESTAMPTZ,
    ADD COLUMN erasure_due_at         TIMESTAMPTZ;

-- Timelines recorded before this version: anchors from their entries, due date from the seeded rules.
UPDATE subject_timeline t SET
    last_order_at = (SELECT max(occurred_at) FROM timeline_entry e
                     WHERE e.subject_id = t.subject_id AND e.kind = 'OrderPlaced'),
    account_opened_at = (SELECT max(occurred_at) FROM timeline_entry e
                         WHERE e.subject_id = t.subject_id AND e.kind = 'AccountOpened'),
    account_closed_at = (SELECT max(occurred_at) FROM timeline_entry e
                         WHERE e.subject_id = t.subject_id AND e.kind = 'AccountClosed');
UPDATE subject_timeline SET erasure_due_at = last_contact_at + INTERVAL '6 years'
WHERE account_opened_at IS NULL OR account_opened_at <= account_closed_at;
