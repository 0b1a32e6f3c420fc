package com.justelegance.privacy.disclosure.domain;

/** Where a ledger entry came from. */
public enum DisclosureSource {
    /** An OrderPlaced event: the courier, the payment provider, the marketplace. */
    ORDER,
    /** Recorded by the privacy officer: a police request, a fraud check, a credit reference. */
    RECORDED,
    /** A consent-gated audience upload to a social media platform. */
    AUDIENCE_UPLOAD
}
