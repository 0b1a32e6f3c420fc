-- Purposes that use a person's data for direct marketing without being a marketing channel of their own:
-- profiling and targeting for marketing (personalised e-mails, advertising and retargeting, social media audiences).
-- An objection to direct marketing ends them too (UK GDPR Art. 21(2): direct marketing "includes profiling to the
-- extent that it is related to such direct marketing"); an opt-out of one of them does not suppress a channel.
ALTER TABLE purpose ADD COLUMN marketing_profiling BOOLEAN NOT NULL DEFAULT false;
UPDATE purpose SET marketing_profiling = true, version = version + 1
    WHERE code IN ('PERSONALISED_EMAILS', 'ADVERTISING_COOKIES', 'SOCIAL_MEDIA_AUDIENCES');

-- A decision dsr-service carried out for a data-subject request names the request: its proof of how it was made.
ALTER TABLE consent_decision ADD COLUMN subject_request_id VARCHAR(64);

-- What a data-subject request did here (an objection to direct marketing, a withdrawal of consent), once per
-- request, subject and kind: a retry with the same request id changes nothing and gets the same answer. Names the
-- subject, so it is deleted on erasure.
CREATE TABLE subject_request_action (
    request_id                 VARCHAR(64)    NOT NULL,
    subject_id                 VARCHAR(64)    NOT NULL,
    action                     VARCHAR(30)    NOT NULL,
    decision_id                UUID           REFERENCES consent_decision (id),
    purposes_changed           VARCHAR(2000)  NOT NULL,
    suppression_entries_added  INTEGER        NOT NULL,
    carried_out_at             TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (request_id, subject_id, action)
);
CREATE INDEX subject_request_action_subject ON subject_request_action (subject_id);

-- Restrictions of processing (Art. 18) live in the kit's table processing_restriction (db/kit/V0_5), recorded by
-- kit.restriction.SubjectRestrictions; consent checks read it directly.
