-- A restriction of processing (Art. 18) a restriction case put on its subject, and its lifting. The restriction
-- outlives its case (closed once the restriction is in place): it lasts until lifted here, which is what tells the
-- other services (ProcessingRestrictionLifted). The reasons are on the case's trail, encrypted.
CREATE TABLE case_restriction (
    case_id        uuid        PRIMARY KEY REFERENCES request_case (id) ON DELETE CASCADE,
    restricted_at  timestamptz NOT NULL,
    restricted_by  text        NOT NULL,
    lifted_at      timestamptz,
    lifted_by      text
);
CREATE INDEX case_restriction_active ON case_restriction (restricted_at) WHERE lifted_at IS NULL;
