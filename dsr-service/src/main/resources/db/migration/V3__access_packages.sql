-- The answer to an access or portability case: the package as the requester downloads it (JSON, encrypted under the
-- case's key), what was withheld from it (encrypted too; for the privacy officer), and its download link. One per
-- case: preparing it again replaces it and the old link. Outside the ciphertext only codes, counts, dates and the
-- link token's keyed hash (never the token itself).
CREATE TABLE access_package (
    case_id            uuid        PRIMARY KEY REFERENCES request_case (id) ON DELETE CASCADE,
    package_id         uuid        NOT NULL UNIQUE,
    prepared_at        timestamptz NOT NULL,
    prepared_by        text        NOT NULL,
    complete           boolean     NOT NULL,
    -- Per source its outcome and, when missing, a short reason: [{"source","outcome","reason"}], no personal data.
    source_outcomes    text        NOT NULL,
    document           bytea,
    withheld           bytea,
    withheld_count     integer     NOT NULL,
    -- Only for a complete package: an incomplete one is not handed out.
    link_hash          text        UNIQUE,
    expires_at         timestamptz NOT NULL,
    max_downloads      integer     NOT NULL,
    downloads          integer     NOT NULL DEFAULT 0,
    last_downloaded_at timestamptz,
    -- When the document was deleted (link expired or used up); the row stays as the case's record.
    purged_at          timestamptz,
    version            bigint      NOT NULL DEFAULT 0
);

CREATE INDEX access_package_to_purge ON access_package (expires_at) WHERE document IS NOT NULL;
