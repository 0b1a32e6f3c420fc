package com.justelegance.privacy.kit.problem;

import com.justelegance.privacy.kit.problem.ProblemType;

/**
 * Every problem consent-service itself refuses a request with (the kit's, such as validation-failed, are in
 * {@link com.justelegance.privacy.kit.problem.KitProblem}). Clients switch on the slug, so a slug never changes;
 * a purpose addressed by the path that does not exist is the same kind of problem as one named in a request, only
 * answered with 404 instead of 400.
 */
public enum ConsentProblem implements ProblemType {

    /** The caller's role may not record a decision from the source it claims. */
    SOURCE_NOT_ALLOWED("source-not-allowed", "Source not allowed for this role", 403),
    /** A decision names the same purpose twice. */
    DUPLICATE_PURPOSE("duplicate-purpose", "Duplicate purpose", 400),
    /** The proof of a decision (IP address, user agent) is not usable. */
    INVALID_PROOF("invalid-proof", "Invalid proof", 400),
    /** A request names a purpose that is not in the purpose catalogue. */
    UNKNOWN_PURPOSE("unknown-purpose", "Unknown purpose", 400),
    /** The purpose a change is addressed to is not in the purpose catalogue. */
    PURPOSE_NOT_FOUND("unknown-purpose", "Unknown purpose", 404),
    /** A decision names a policy version that was never registered. */
    UNKNOWN_POLICY_VERSION("unknown-policy-version", "Unknown policy version", 400),
    /** The subject was erased; a returning person gets a new subject id. */
    SUBJECT_ERASED("subject-erased", "Subject erased", 409),
    /** A soft opt-in that the purpose, the source or the order does not support. */
    SOFT_OPT_IN_NOT_ALLOWED("soft-opt-in-not-allowed", "Soft opt-in not allowed", 400),
    /** A method reserved for a signal (GPC_SIGNAL) used without it or to grant. */
    RESERVED_METHOD("reserved-method", "Reserved method", 400),
    /** A decision without any choice and without a Global Privacy Control signal. */
    NO_CHOICES("no-choices", "No choices", 400),
    /** A purpose's terms contradict each other. */
    INCONSISTENT_PURPOSE("inconsistent-purpose", "Inconsistent purpose terms", 400),
    /** A purpose is added that is already in the catalogue. */
    PURPOSE_EXISTS("purpose-exists", "Purpose exists", 409),
    /** A purpose is changed from a version that is no longer current. */
    PURPOSE_VERSION_CONFLICT("purpose-version-conflict", "Purpose changed meanwhile", 409),
    /** A policy version is registered that already is; registered versions never change. */
    POLICY_VERSION_EXISTS("policy-version-exists", "Policy version exists", 409),
    /** Unsubscribe links are asked for a purpose that is not direct marketing. */
    NOT_A_MARKETING_PURPOSE("not-a-marketing-purpose", "Not a marketing purpose", 400),
    /** An unsubscribe token past its expiry. */
    EXPIRED_UNSUBSCRIBE_TOKEN("expired-unsubscribe-token", "Unsubscribe link expired", 410),
    /** Something that is not an unsubscribe token at all. */
    MALFORMED_UNSUBSCRIBE_TOKEN("malformed-unsubscribe-token", "Malformed unsubscribe link", 400),
    /** An unsubscribe token whose signature does not match: not ours, or altered. */
    INVALID_UNSUBSCRIBE_TOKEN("invalid-unsubscribe-token", "Invalid unsubscribe link", 400),
    /** A contact identifier (e-mail address, phone number) that cannot be read as one. */
    INVALID_IDENTIFIER("invalid-identifier", "Invalid contact identifier", 400),
    /** An identifier suppressed on channels none of which it can reach. */
    CHANNEL_NOT_APPLICABLE("channel-not-applicable", "Channel not applicable", 400);

    private final Definition definition;

    ConsentProblem(String slug, String title, int status) {
        this.definition = new Definition(slug, title, status);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
