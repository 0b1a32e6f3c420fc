-- The catalogue says, per purpose, whether PECR's soft opt-in may be used, whether Global Privacy Control opts
-- out of it ("sale or sharing"), whether it is direct marketing (an opt-out puts the person on the suppression
-- list, and unsubscribe links exist for it), which data categories it uses and which third party receives them.
ALTER TABLE purpose
    ADD COLUMN soft_opt_in_allowed  BOOLEAN      NOT NULL DEFAULT false,
    ADD COLUMN sale_or_sharing      BOOLEAN      NOT NULL DEFAULT false,
    ADD COLUMN direct_marketing     BOOLEAN      NOT NULL DEFAULT false,
    ADD COLUMN data_categories      VARCHAR(500) NOT NULL DEFAULT '',
    ADD COLUMN third_party_name     VARCHAR(200);

UPDATE purpose SET soft_opt_in_allowed = true, direct_marketing = true,
                   data_categories = 'CONTACT_NAME,EMAIL,PURCHASE_HISTORY'
    WHERE code = 'EMAIL_MARKETING';
UPDATE purpose SET soft_opt_in_allowed = true, direct_marketing = true,
                   data_categories = 'CONTACT_NAME,PHONE,PURCHASE_HISTORY'
    WHERE code = 'SMS_MARKETING';
UPDATE purpose SET direct_marketing = true, data_categories = 'CONTACT_NAME,DELIVERY_ADDRESS,PURCHASE_HISTORY'
    WHERE code = 'POST_MARKETING';
UPDATE purpose SET direct_marketing = true, data_categories = 'CONTACT_NAME,PHONE,PURCHASE_HISTORY'
    WHERE code = 'PHONE_MARKETING';
UPDATE purpose SET data_categories = 'EMAIL,DEVICE_INFO,BROWSING_HISTORY,PURCHASE_HISTORY'
    WHERE code = 'PERSONALISED_EMAILS';
UPDATE purpose SET data_categories = 'COOKIE_IDENTIFIERS,DEVICE_INFO,BROWSING_HISTORY,LOCATION',
                   third_party_name = 'Google (Google Analytics)'
    WHERE code = 'ANALYTICS_COOKIES';
UPDATE purpose SET sale_or_sharing = true, data_categories = 'COOKIE_IDENTIFIERS,DEVICE_INFO,BROWSING_HISTORY'
    WHERE code = 'ADVERTISING_COOKIES';
UPDATE purpose SET data_categories = 'COOKIE_IDENTIFIERS,DEVICE_INFO,BROWSING_HISTORY'
    WHERE code = 'SESSION_REPLAY_COOKIES';
UPDATE purpose SET sale_or_sharing = true, data_categories = 'EMAIL,PURCHASE_HISTORY',
                   third_party_name = 'Facebook, Instagram, Pinterest'
    WHERE code = 'SOCIAL_MEDIA_AUDIENCES';

-- Privacy-policy / notice versions: what a person was shown. Every decision refers to one.
CREATE TABLE policy_version (
    version         VARCHAR(32)   PRIMARY KEY,
    effective_from  DATE          NOT NULL,
    wording_hash    VARCHAR(64)   NOT NULL,
    significant     BOOLEAN       NOT NULL,
    url             VARCHAR(500)  NOT NULL,
    registered_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX policy_version_order ON policy_version (effective_from, registered_at);

-- The policy in seed/privacy-policy.txt; the hash is SHA-256 of that file.
INSERT INTO policy_version (version, effective_from, wording_hash, significant, url, registered_at) VALUES
    ('2026-11', DATE '2026-11-01', 'ac1231e8d4a6dbe3090ec6d8805b9961d51a6d5df3212f121c810ad9b6c1ee1c', true,
     'https://www.justelegance.com/privacy-policy/', TIMESTAMPTZ '2026-11-01 00:00:00+00');

-- Proof held with each decision: the wording hash of the version shown, the order a soft opt-in came from, and
-- the details that identify a person (truncated IP, user agent) encrypted with the subject's key. The sequence
-- orders a subject's history where two decisions share a moment (an explicit choice and the GPC signal with it).
ALTER TABLE consent_decision
    ADD COLUMN seq                  BIGSERIAL,
    ADD COLUMN wording_hash         VARCHAR(64),
    ADD COLUMN soft_opt_in_order_id VARCHAR(64),
    ADD COLUMN proof_ciphertext     BYTEA;
UPDATE consent_decision d SET wording_hash = v.wording_hash FROM policy_version v WHERE v.version = d.policy_version;
ALTER TABLE consent_decision
    ALTER COLUMN wording_hash SET NOT NULL,
    ADD CONSTRAINT consent_decision_policy_version FOREIGN KEY (policy_version) REFERENCES policy_version (version);

-- The basis a current state rests on (consent, soft opt-in, legitimate interest), and when Global Privacy Control
-- last acted on it: a later explicit choice (since > gpc_applied_at) is never overridden by the next signal.
ALTER TABLE consent_state
    ADD COLUMN basis           VARCHAR(30),
    ADD COLUMN gpc_applied_at  TIMESTAMPTZ;
UPDATE consent_state s SET basis = p.lawful_basis FROM purpose p WHERE p.code = s.purpose_code;
ALTER TABLE consent_state ALTER COLUMN basis SET NOT NULL;
-- The stale-consent report scans granted states.
CREATE INDEX consent_state_granted ON consent_state (subject_id) WHERE state = 'GRANTED';
