-- Restrictions of processing (UK GDPR Art. 18) dsr-service reports (ProcessingRestricted and
-- ProcessingRestrictionLifted, both naming the request that asked for the restriction) live in the kit's table
-- processing_restriction (db/kit/V0_5, which runs before this), recorded by kit.restriction.SubjectRestrictions.
-- Unlike an open-request marker a restriction outlives its request (dsr-service closes the request once the
-- restriction is applied). The view below reads the kit's table directly, so the purge stays one statement; its
-- "in force" must match the kit's: restricted and not lifted (a lift is final, even one that arrived first).

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
    WHERE restricted_at IS NOT NULL AND lifted_at IS NULL;
