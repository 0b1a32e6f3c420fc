-- The third parties the privacy policy says receive customers' data.
CREATE TABLE recipient (
    code          VARCHAR(64)   PRIMARY KEY,
    display_name  VARCHAR(200)  NOT NULL,
    category      VARCHAR(30)   NOT NULL,
    role          VARCHAR(30)   NOT NULL,
    country       VARCHAR(2)    NOT NULL
);

INSERT INTO recipient (code, display_name, category, role, country) VALUES
    ('ROYAL_MAIL',             'Royal Mail',                 'COURIER',           'PROCESSOR',              'GB'),
    ('DPD',                    'DPD',                        'COURIER',           'PROCESSOR',              'GB'),
    ('PARCELFORCE',            'Parcelforce Worldwide',      'COURIER',           'PROCESSOR',              'GB'),
    ('WORLDPAY',               'Worldpay',                   'PAYMENT',           'INDEPENDENT_CONTROLLER', 'GB'),
    ('PAYPAL',                 'PayPal',                     'PAYMENT',           'INDEPENDENT_CONTROLLER', 'LU'),
    ('AMAZON',                 'Amazon Marketplace',         'MARKETPLACE',       'INDEPENDENT_CONTROLLER', 'LU'),
    ('EBAY',                   'eBay',                       'MARKETPLACE',       'INDEPENDENT_CONTROLLER', 'GB'),
    ('FACEBOOK',               'Facebook (Meta)',            'SOCIAL',            'INDEPENDENT_CONTROLLER', 'IE'),
    ('INSTAGRAM',              'Instagram (Meta)',           'SOCIAL',            'INDEPENDENT_CONTROLLER', 'IE'),
    ('PINTEREST',              'Pinterest',                  'SOCIAL',            'INDEPENDENT_CONTROLLER', 'IE'),
    ('HOOTSUITE',              'Hootsuite',                  'SOCIAL',            'PROCESSOR',              'CA'),
    ('GOOGLE_ANALYTICS',       'Google Analytics',           'ANALYTICS',         'PROCESSOR',              'US'),
    ('CREDIT_REFERENCE',       'Credit reference agencies',  'REFERENCE_AGENCY',  'INDEPENDENT_CONTROLLER', 'GB'),
    ('FRAUD_PREVENTION',       'Fraud prevention agencies',  'FRAUD_PREVENTION',  'INDEPENDENT_CONTROLLER', 'GB'),
    ('LAW_ENFORCEMENT',        'Law enforcement',            'AUTHORITY',         'INDEPENDENT_CONTROLLER', 'GB');
