-- What the registry must say about each recipient for the records of processing (Art. 30) and for Art. 19
-- notices: purpose, lawful basis, the consent purpose it needs, transfer safeguard, privacy policy, and how it
-- takes erasure and rectification notices.
ALTER TABLE recipient
    ADD COLUMN purpose               VARCHAR(500),
    ADD COLUMN lawful_basis          VARCHAR(30),
    ADD COLUMN consent_purpose       VARCHAR(64),
    ADD COLUMN transfer_safeguard    VARCHAR(40),
    ADD COLUMN privacy_policy_url    VARCHAR(500),
    ADD COLUMN notice_channel        VARCHAR(10),
    ADD COLUMN notice_address        VARCHAR(500),
    ADD COLUMN notice_response_days  INTEGER;

-- Seeded links are the recipients' public privacy notices; the privacy officer replaces them with the contact the
-- contract names. Agencies and the police are categories, not one organisation: notices to them are a task for a
-- person, who knows from the disclosure's reference whom to tell.
UPDATE recipient AS r SET
    purpose = s.purpose, lawful_basis = s.basis, consent_purpose = s.consent_purpose,
    transfer_safeguard = s.safeguard, privacy_policy_url = s.policy, notice_channel = s.channel,
    notice_address = s.address, notice_response_days = 30
FROM (VALUES
    ('ROYAL_MAIL', 'Delivering orders and returns', 'CONTRACT', NULL, 'NOT_A_TRANSFER',
        'https://www.royalmail.com/privacy-notice', 'PORTAL', 'https://www.royalmail.com/privacy-notice'),
    ('DPD', 'Delivering orders and returns', 'CONTRACT', NULL, 'NOT_A_TRANSFER',
        'https://www.dpd.co.uk/privacy-notice', 'PORTAL', 'https://www.dpd.co.uk/privacy-notice'),
    ('PARCELFORCE', 'Delivering orders and returns', 'CONTRACT', NULL, 'NOT_A_TRANSFER',
        'https://www.parcelforce.com/privacy-notice', 'PORTAL', 'https://www.parcelforce.com/privacy-notice'),
    ('WORLDPAY', 'Taking card payments and the card issuer''s validation and authorisation checks', 'CONTRACT',
        NULL, 'NOT_A_TRANSFER', 'https://www.worldpay.com/en-gb/privacy-notice', 'PORTAL',
        'https://www.worldpay.com/en-gb/privacy-notice'),
    ('PAYPAL', 'Taking payment through PayPal', 'CONTRACT', NULL, 'UK_ADEQUACY_REGULATIONS',
        'https://www.paypal.com/uk/legalhub/privacy-full', 'PORTAL',
        'https://www.paypal.com/uk/legalhub/privacy-full'),
    ('AMAZON', 'Selling and fulfilling orders placed on Amazon', 'CONTRACT', NULL, 'UK_ADEQUACY_REGULATIONS',
        'https://www.amazon.co.uk/privacy', 'PORTAL', 'https://www.amazon.co.uk/privacy'),
    ('EBAY', 'Selling and fulfilling orders placed on eBay', 'CONTRACT', NULL, 'NOT_A_TRANSFER',
        'https://www.ebay.co.uk/help/policies/member-behaviour-policies/user-privacy-notice-privacy-policy?id=4260',
        'PORTAL',
        'https://www.ebay.co.uk/help/policies/member-behaviour-policies/user-privacy-notice-privacy-policy?id=4260'),
    ('FACEBOOK', 'Matching customers to social media audiences', 'CONSENT', 'SOCIAL_MEDIA_AUDIENCES',
        'UK_ADEQUACY_REGULATIONS', 'https://www.facebook.com/privacy/policy', 'PORTAL',
        'https://www.facebook.com/privacy/policy'),
    ('INSTAGRAM', 'Matching customers to social media audiences', 'CONSENT', 'SOCIAL_MEDIA_AUDIENCES',
        'UK_ADEQUACY_REGULATIONS', 'https://privacycenter.instagram.com/policy', 'PORTAL',
        'https://privacycenter.instagram.com/policy'),
    ('PINTEREST', 'Matching customers to social media audiences', 'CONSENT', 'SOCIAL_MEDIA_AUDIENCES',
        'UK_ADEQUACY_REGULATIONS', 'https://policy.pinterest.com/en-gb/privacy-policy', 'PORTAL',
        'https://policy.pinterest.com/en-gb/privacy-policy'),
    ('HOOTSUITE', 'Scheduling and auto-posting our articles on social media', 'LEGITIMATE_INTEREST', NULL,
        'UK_ADEQUACY_REGULATIONS', 'https://www.hootsuite.com/legal/privacy', 'PORTAL',
        'https://www.hootsuite.com/legal/privacy'),
    ('GOOGLE_ANALYTICS', 'Analysing site traffic, performance and customer experience', 'CONSENT',
        'ANALYTICS_COOKIES', 'UK_EXTENSION_TO_EU_US_DPF', 'https://policies.google.com/privacy', 'PORTAL',
        'https://policies.google.com/privacy'),
    ('CREDIT_REFERENCE', 'Card holder validation and credit reference checks', 'LEGITIMATE_INTEREST', NULL,
        'NOT_A_TRANSFER', NULL, 'NONE', NULL),
    ('FRAUD_PREVENTION', 'Preventing and detecting fraud', 'LEGITIMATE_INTEREST', NULL, 'NOT_A_TRANSFER', NULL,
        'NONE', NULL),
    ('LAW_ENFORCEMENT', 'Answering lawful requests to prevent or detect crime', 'LEGAL_OBLIGATION', NULL,
        'NOT_A_TRANSFER', NULL, 'NONE', NULL)
) AS s (code, purpose, basis, consent_purpose, safeguard, policy, channel, address)
WHERE r.code = s.code;

ALTER TABLE recipient
    ALTER COLUMN purpose SET NOT NULL,
    ALTER COLUMN lawful_basis SET NOT NULL,
    ALTER COLUMN transfer_safeguard SET NOT NULL,
    ALTER COLUMN notice_channel SET NOT NULL,
    ALTER COLUMN notice_response_days SET NOT NULL;

-- The data categories each recipient receives: what an order's entries record, and the limit of what a recorded
-- disclosure may say was given.
CREATE TABLE recipient_data_category (
    recipient_code  VARCHAR(64)  NOT NULL REFERENCES recipient (code),
    data_category   VARCHAR(40)  NOT NULL,
    PRIMARY KEY (recipient_code, data_category)
);

INSERT INTO recipient_data_category (recipient_code, data_category)
SELECT code, unnest(categories) FROM (VALUES
    ('ROYAL_MAIL',       ARRAY['CONTACT_NAME', 'DELIVERY_ADDRESS', 'EMAIL', 'PHONE']),
    ('DPD',              ARRAY['CONTACT_NAME', 'DELIVERY_ADDRESS', 'EMAIL', 'PHONE']),
    ('PARCELFORCE',      ARRAY['CONTACT_NAME', 'DELIVERY_ADDRESS', 'EMAIL', 'PHONE']),
    ('WORLDPAY',         ARRAY['CONTACT_NAME', 'INVOICE_ADDRESS', 'EMAIL', 'PAYMENT_CARD', 'IP_ADDRESS']),
    ('PAYPAL',           ARRAY['CONTACT_NAME', 'INVOICE_ADDRESS', 'EMAIL', 'PURCHASE_HISTORY']),
    ('AMAZON',           ARRAY['CONTACT_NAME', 'DELIVERY_ADDRESS', 'EMAIL', 'PHONE', 'PURCHASE_HISTORY']),
    ('EBAY',             ARRAY['CONTACT_NAME', 'DELIVERY_ADDRESS', 'EMAIL', 'PHONE', 'PURCHASE_HISTORY']),
    ('FACEBOOK',         ARRAY['EMAIL', 'PHONE']),
    ('INSTAGRAM',        ARRAY['EMAIL', 'PHONE']),
    ('PINTEREST',        ARRAY['EMAIL', 'PHONE']),
    ('HOOTSUITE',        ARRAY['SOCIAL_MEDIA_INTERACTIONS']),
    ('GOOGLE_ANALYTICS', ARRAY['IP_ADDRESS', 'DEVICE_INFO', 'BROWSING_HISTORY', 'COOKIE_IDENTIFIERS', 'LOCATION']),
    ('CREDIT_REFERENCE', ARRAY['CONTACT_NAME', 'INVOICE_ADDRESS', 'PAYMENT_CARD']),
    ('FRAUD_PREVENTION', ARRAY['CONTACT_NAME', 'DELIVERY_ADDRESS', 'INVOICE_ADDRESS', 'EMAIL', 'PHONE',
                               'IP_ADDRESS', 'DEVICE_INFO', 'PURCHASE_HISTORY']),
    ('LAW_ENFORCEMENT',  ARRAY['CONTACT_NAME', 'DELIVERY_ADDRESS', 'INVOICE_ADDRESS', 'EMAIL', 'PHONE',
                               'PURCHASE_HISTORY', 'IP_ADDRESS', 'CONTACT_CENTRE_INTERACTIONS'])
) AS seed (code, categories);
