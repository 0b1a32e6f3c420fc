package com.justelegance.privacy.events.codes;

/** The UK GDPR Art. 6 basis (plus the PECR soft opt-in) a purpose relies on. */
public enum LawfulBasis {
    CONSENT,
    SOFT_OPT_IN,
    LEGITIMATE_INTEREST,
    CONTRACT,
    LEGAL_OBLIGATION
}
