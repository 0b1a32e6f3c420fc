-- The purpose catalogue: what a person can consent to or opt out of, on which channel, on which lawful basis.
CREATE TABLE purpose (
    code                 VARCHAR(64)  PRIMARY KEY,
    channel              VARCHAR(20)  NOT NULL,
    lawful_basis         VARCHAR(30)  NOT NULL,
    description          VARCHAR(500) NOT NULL
);

-- Seeded from the privacy policy (seed/privacy-policy.txt).
INSERT INTO purpose (code, channel, lawful_basis, description) VALUES
    ('EMAIL_MARKETING',        'EMAIL',        'CONSENT',             'Offers, promotions and events by email'),
    ('SMS_MARKETING',          'SMS',          'CONSENT',             'Offers and promotions by text message'),
    ('POST_MARKETING',         'POST',         'LEGITIMATE_INTEREST', 'Offers and promotions by post'),
    ('PHONE_MARKETING',        'PHONE',        'LEGITIMATE_INTEREST', 'Offers and promotions by telephone'),
    ('PERSONALISED_EMAILS',    'EMAIL',        'CONSENT',             'Emails tailored using device and browsing information'),
    ('ANALYTICS_COOKIES',      'WEB',          'CONSENT',             'Google Analytics and site performance cookies'),
    ('ADVERTISING_COOKIES',    'WEB',          'CONSENT',             'Advertising and retargeting cookies'),
    ('SESSION_REPLAY_COOKIES', 'WEB',          'CONSENT',             'Session replays to improve the website'),
    ('SOCIAL_MEDIA_AUDIENCES', 'SOCIAL_MEDIA', 'CONSENT',             'Matching customers to Facebook, Instagram and Pinterest audiences');

-- One submission of choices by a person: when, under which policy version, where and how. Append-only.
CREATE TABLE consent_decision (
    id                 UUID         PRIMARY KEY,
    subject_id         VARCHAR(64)  NOT NULL,
    policy_version     VARCHAR(32)  NOT NULL,
    source             VARCHAR(30)  NOT NULL,
    method             VARCHAR(20)  NOT NULL,
    client_decided_at  TIMESTAMPTZ,
    recorded_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX consent_decision_subject ON consent_decision (subject_id, recorded_at);

-- The choice per purpose within a decision. Append-only.
CREATE TABLE consent_choice (
    decision_id   UUID         NOT NULL REFERENCES consent_decision (id),
    purpose_code  VARCHAR(64)  NOT NULL REFERENCES purpose (code),
    state         VARCHAR(20)  NOT NULL,
    PRIMARY KEY (decision_id, purpose_code)
);

-- Current state per subject and purpose: a projection of the history, updated in the same transaction.
CREATE TABLE consent_state (
    subject_id    VARCHAR(64)  NOT NULL,
    purpose_code  VARCHAR(64)  NOT NULL REFERENCES purpose (code),
    state         VARCHAR(20)  NOT NULL,
    decision_id   UUID         NOT NULL REFERENCES consent_decision (id),
    since         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (subject_id, purpose_code)
);
