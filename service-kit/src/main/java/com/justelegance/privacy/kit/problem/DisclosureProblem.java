package com.justelegance.privacy.kit.problem;

import com.justelegance.privacy.kit.problem.ProblemType;

/**
 * Every problem disclosure-service itself refuses a request with (the kit's, such as validation-failed, are in
 * {@link com.justelegance.privacy.kit.problem.KitProblem}). Clients switch on the slug, so a slug never changes;
 * a recipient a request is about (in its path or query) that is not registered is the same kind of problem as one
 * named in a disclosure's body, only answered with 404 instead of 400.
 */
public enum DisclosureProblem implements ProblemType {

    /** The recipient the request is about is not registered. */
    RECIPIENT_NOT_FOUND("unknown-recipient", "Unknown recipient", 404),
    /** A disclosure names a recipient that is not registered. */
    UNKNOWN_RECIPIENT("unknown-recipient", "Unknown recipient", 400),
    /** A new recipient without a code. */
    CODE_REQUIRED("code-required", "Recipient code required", 400),
    /** The body's recipient code differs from the path's. */
    CODE_MISMATCH("code-mismatch", "Recipient code mismatch", 400),
    /** A recipient's terms contradict each other or the law (a transfer without a safeguard, say). */
    INVALID_RECIPIENT("invalid-recipient", "Invalid recipient", 400),
    /** A recipient is registered whose code already is. */
    RECIPIENT_EXISTS("recipient-exists", "Recipient exists", 409),
    /** A recipient is changed from a version that is no longer current. */
    RECIPIENT_VERSION_CONFLICT("recipient-version-conflict", "Recipient changed meanwhile", 409),
    /** A disclosure of data categories the registry does not list for the recipient. */
    CATEGORY_NOT_REGISTERED("category-not-registered", "Data category not registered", 400),
    /** A lawful basis that cannot cover a disclosure to a third party. */
    INVALID_LEGAL_BASIS("invalid-legal-basis", "Invalid legal basis", 400),
    /** A disclosure withheld from the subject although its recipient does not allow it. */
    WITHHOLDING_NOT_ALLOWED("withholding-not-allowed", "Withholding not allowed", 400),
    /** A disclosure dated in the future. */
    DISCLOSED_IN_FUTURE("disclosed-in-future", "Disclosure in the future", 400),
    /** A disclosure with this reference is already recorded for the subject. */
    DISCLOSURE_EXISTS("disclosure-exists", "Disclosure exists", 409),
    /** A period whose end is before its start. */
    INVALID_PERIOD("invalid-period", "Invalid period", 400),
    /** A sharing check for a recipient that receives data on another basis than consent. */
    RECIPIENT_NOT_CONSENT_BASED("recipient-not-consent-based", "Recipient not consent-based", 400),
    /** No notice has this id. */
    UNKNOWN_NOTICE("unknown-notice", "Unknown notice", 404),
    /** The notice is not, or no longer, in a state that allows the outcome. */
    NOTICE_STATE("notice-state", "Notice in another state", 409),
    /** An outcome that needs an explanation (impossible, disproportionate effort) came without one. */
    EXPLANATION_REQUIRED("explanation-required", "Explanation required", 400);

    private final Definition definition;

    DisclosureProblem(String slug, String title, int status) {
        this.definition = new Definition(slug, title, status);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
