package com.justelegance.privacy.disclosure.domain;

/** What makes a transfer of personal data outside the UK lawful (UK GDPR Chapter V), or that there is none. */
public enum TransferSafeguard {
    /** The recipient is in the UK. */
    NOT_A_TRANSFER,
    /** UK adequacy regulations cover the country (the EEA, Canada for commercial organisations, ...). */
    UK_ADEQUACY_REGULATIONS,
    /** The recipient is certified under the UK Extension to the EU-US Data Privacy Framework. */
    UK_EXTENSION_TO_EU_US_DPF,
    /** The ICO's International Data Transfer Agreement. */
    INTERNATIONAL_DATA_TRANSFER_AGREEMENT,
    /** The UK Addendum to the EU standard contractual clauses. */
    UK_ADDENDUM_TO_EU_SCCS,
    /** Binding corporate rules approved for the recipient's group. */
    BINDING_CORPORATE_RULES,
    /** A specific-situation derogation (Art. 49). */
    ART_49_DEROGATION
}
