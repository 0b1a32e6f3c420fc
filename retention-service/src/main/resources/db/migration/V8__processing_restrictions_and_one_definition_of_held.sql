-- Restrictions of processing (UK GDPR Art. 18) dsr-service reports: ProcessingRestricted and
-- ProcessingRestrictionLifted, both naming the request that asked for the restriction. Unlike an open-request
-- marker the row outlives the request (dsr-service closes the request once the restriction is applied). Each side
-- keeps its latest instant, as complaints do, so the order in which the two arrive does not matter: a restriction
-- holds while it was restricted later than it was lifted. The row goes when the subject is erased.
CREATE TABLE processing_restriction (
    subject_id     VARCHAR(64)  NOT NULL,
    request_id     VARCHAR(64)  NOT NULL,
    restricted_at  TIMESTAMPTZ,
    lifted_at      TIMESTAMPTZ,
    PRIMARY KEY (subject_id, request_id)
);

-- Everything that holds a subject from being purged, one row per hold, in one place: the purge, its preview, the
-- holds API and the timeline all read this, so they cannot disagree about who is held. A legal hold also has the
-- last day it holds (until); whoever reads the view decides the day it is judged on (the preview judges the last
-- day of its window).
CREATE VIEW subject_hold AS
    SELECT subject_id, 'LEGAL_HOLD'::text AS kind, reference, reason::text AS detail, placed_at AS since,
           ends_on AS until
    FROM legal_hold
    WHERE released_at IS NULL
    UNION ALL
    SELECT subject_id, 'OPEN_COMPLAINT', complaint_id, NULL, opened_at, NULL
    FROM complaint_hold
    WHERE opened_at IS NOT NULL AND (resolved_at IS NULL OR opened_at > resolved_at)
    UNION ALL
    SELECT subject_id, 'OPEN_REQUEST', request_id, request_type, opened_at, NULL
    FROM subject_request_hold
    UNION ALL
    SELECT subject_id, 'PROCESSING_RESTRICTED', request_id, NULL, restricted_at, NULL
    FROM processing_restriction
    WHERE restricted_at IS NOT NULL AND (lifted_at IS NULL OR restricted_at > lifted_at);
