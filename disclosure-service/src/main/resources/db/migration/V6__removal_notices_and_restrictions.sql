-- Removal notices: an audience upload whose consent was withdrawn, objected to or refused is told to its recipient
-- once. The ledger entry keeps the notice that told it, so a redelivered or second withdrawal tells no one twice,
-- even after the notice has closed and dropped its references.
ALTER TABLE disclosure ADD COLUMN removal_notice_id UUID REFERENCES recipient_notice (id);

-- Restrictions of processing (Art. 18) from dsr-service, one row per request. A subject is restricted while any of
-- its rows is not lifted. A lift that arrives before its restriction is kept (restricted_at NULL), so the late
-- restriction finds it lifted and restricts nothing. Looked up by subject through the primary key.
CREATE TABLE processing_restriction (
    subject_id     VARCHAR(64)  NOT NULL,
    request_id     VARCHAR(64)  NOT NULL,
    restricted_at  TIMESTAMPTZ,
    lifted_at      TIMESTAMPTZ,
    PRIMARY KEY (subject_id, request_id)
);
