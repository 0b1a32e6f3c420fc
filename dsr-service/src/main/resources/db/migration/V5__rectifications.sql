-- What a rectification case corrects: the data categories (published, without values, as RectificationRequested)
-- and the corrected values in the requester's words, encrypted under the case's key, for the owning system to fetch.
CREATE TABLE case_rectification (
    case_id       uuid        PRIMARY KEY REFERENCES request_case (id) ON DELETE CASCADE,
    categories    text        NOT NULL,
    corrections   bytea       NOT NULL,
    requested_at  timestamptz NOT NULL,
    requested_by  text        NOT NULL
);
