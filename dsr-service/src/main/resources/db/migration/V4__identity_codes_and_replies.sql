-- The one-time code a case's requester was sent to prove who they are: only its keyed hash, when it stops working,
-- and the wrong tries so far (the code is refused for good after the configured number). One live code per case; a
-- new identity request replaces it.
CREATE TABLE identity_code (
    case_id     uuid        PRIMARY KEY REFERENCES request_case (id) ON DELETE CASCADE,
    code_hash   text        NOT NULL,
    expires_at  timestamptz NOT NULL,
    attempts    int         NOT NULL DEFAULT 0,
    used_at     timestamptz
);

-- Mail taken on an existing case (a reply to one of our letters), by keyed Message-ID hash: a message the mailbox
-- hands over twice is taken once.
CREATE TABLE case_mail (
    mail_ref  text PRIMARY KEY,
    case_id   uuid NOT NULL REFERENCES request_case (id) ON DELETE CASCADE
);
