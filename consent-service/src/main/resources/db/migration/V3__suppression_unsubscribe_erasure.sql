-- The suppression list: keyed hashes (HMAC) of normalised identifiers with the channels they must not be
-- marketed on. No subject id and nothing reversible, so it survives erasure; never exported for marketing.
CREATE TABLE suppression_entry (
    identifier_hash  VARCHAR(64)  NOT NULL,
    channel          VARCHAR(20)  NOT NULL,
    suppressed_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (identifier_hash, channel)
);

-- Which identifier hashes belong to a subject, so an opt-out recorded by subject id (an unsubscribe link, account
-- settings) can suppress them. Deleted on erasure; the suppression entries themselves stay.
CREATE TABLE subject_contact (
    subject_id       VARCHAR(64)  NOT NULL,
    identifier_hash  VARCHAR(64)  NOT NULL,
    identifier_type  VARCHAR(10)  NOT NULL,
    added_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (subject_id, identifier_hash)
);

-- One-click unsubscribe tokens already redeemed: a replay changes nothing. Only the token's random id and its
-- expiry: nothing about the person. Rows go once the token has expired (an expired token is refused anyway).
CREATE TABLE unsubscribe_redemption (
    token_id     UUID         PRIMARY KEY,
    redeemed_at  TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX unsubscribe_redemption_expiry ON unsubscribe_redemption (expires_at);

-- Subjects erased here, as a keyed hash of the subject id: a late decision or unsubscribe link does not bring
-- their ledger back, and an opt-out purpose does not read as allowed for them.
CREATE TABLE erased_subject (
    subject_ref  VARCHAR(64)  PRIMARY KEY,
    request_id   VARCHAR(64)  NOT NULL,
    erased_at    TIMESTAMPTZ  NOT NULL
);
