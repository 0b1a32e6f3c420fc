-- One-time codes that sign a shopper in to the privacy centre's preferences page, one live code per e-mail address:
-- the address only as its keyed hash (as RequesterIdentifiers hashes it), the code only as a keyed hash, the
-- customer it signs in as (the storefront's opaque subject id), when it stops working and the wrong tries so far.
-- Asking again replaces the code.
CREATE TABLE sign_in_code (
    email_hash  text        PRIMARY KEY,
    subject_id  text        NOT NULL,
    code_hash   text        NOT NULL,
    expires_at  timestamptz NOT NULL,
    attempts    int         NOT NULL DEFAULT 0,
    used_at     timestamptz
);
