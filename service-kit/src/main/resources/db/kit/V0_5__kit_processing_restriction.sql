-- Restrictions of processing (UK GDPR Art. 18) that dsr-service announces on privacy.subject-requests.v1
-- (kit.restriction.SubjectRestrictions), one row per subject and restricting request. A restriction is in force while
-- it has been restricted and not lifted; a subject is restricted while any of its restrictions is in force. A lift is
-- final, and a lift that arrives before its restriction is kept (restricted_at NULL), so the late restriction never
-- takes hold. The subject id is stored as it is, since services look restrictions up by it (consent checks, sharing
-- checks, the purge); the rows go when the subject is erased.
CREATE TABLE processing_restriction (
    subject_id     VARCHAR(64)  NOT NULL,
    request_id     VARCHAR(64)  NOT NULL,
    restricted_at  TIMESTAMPTZ,
    lifted_at      TIMESTAMPTZ,
    PRIMARY KEY (subject_id, request_id),
    CHECK (restricted_at IS NOT NULL OR lifted_at IS NOT NULL)
);
-- "Is any restriction of these subjects in force, and since when?" is asked on hot paths (every consent check,
-- every sharing check and upload, the purge).
CREATE INDEX processing_restriction_in_force ON processing_restriction (subject_id, restricted_at)
    WHERE restricted_at IS NOT NULL AND lifted_at IS NULL;
