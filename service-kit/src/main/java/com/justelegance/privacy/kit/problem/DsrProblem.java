package com.justelegance.privacy.kit.problem;

import com.justelegance.privacy.kit.problem.ProblemType;

/**
 * Every problem dsr-service itself refuses a request with (the kit's, such as validation-failed, are in
 * {@link com.justelegance.privacy.kit.problem.KitProblem}). Clients switch on the slug, so a slug never changes.
 */
public enum DsrProblem implements ProblemType {

    /** The deadline falls before the first year of the bank holidays the service knows; the past is not guessed. */
    BANK_HOLIDAYS_NOT_COVERED("bank-holidays-not-covered", "Bank holidays not covered", 409),
    /**
     * Proof of identity cannot restart the response clock: it is dated before an earlier event, or the time was
     * already extended from the earlier start.
     */
    IDENTITY_RESTART_NOT_ALLOWED("identity-restart-not-allowed", "Identity restart not allowed", 409),
    /**
     * The response clock cannot be stopped or restarted for clarification: one is already awaited, none is, the due
     * date has passed, or the date is before an earlier event.
     */
    CLARIFICATION_NOT_ALLOWED("clarification-not-allowed", "Clarification not allowed", 409),
    /**
     * The time to respond cannot be extended: no reason was given, it was already extended once, the due date (by
     * which the requester must be told) has passed, or the date is before an earlier event.
     */
    EXTENSION_NOT_ALLOWED("extension-not-allowed", "Extension not allowed", 409),
    /** No case has this id. */
    CASE_NOT_FOUND("case-not-found", "Case not found", 404),
    /** The case was completed, refused or withdrawn, and a closed case changes no more. */
    CASE_CLOSED("case-closed", "Case closed", 409),
    /**
     * The step does not fit where the case stands (e.g. a clarification recorded when none was asked for, or a
     * completion before the case is classified).
     */
    CASE_STATUS_CONFLICT("case-status-conflict", "Case status conflict", 409),
    /** The case has no erasure to show: none was requested for it. */
    ERASURE_NOT_REQUESTED("erasure-not-requested", "Erasure not requested", 404),
    /** The case's erasure has not completed, so no certificate was issued. */
    CERTIFICATE_NOT_ISSUED("certificate-not-issued", "Certificate not issued", 404),
    /**
     * An identity code was not accepted: none is waiting, it expired, it was used, too many wrong ones were tried,
     * or it is not the one sent. The detail says which, never the code.
     */
    IDENTITY_CODE_REFUSED("identity-code-refused", "Identity code refused", 409),
    /**
     * A privacy-centre sign-in code was not accepted: none is waiting for the address, it expired, it was used, too
     * many wrong ones were tried, or it is not the one sent. The detail says which, never the code or the address.
     */
    SIGN_IN_CODE_REFUSED("sign-in-code-refused", "Sign-in code refused", 400),
    /** The case has no rectification to show: none was sent for it. */
    RECTIFICATION_NOT_REQUESTED("rectification-not-requested", "Rectification not requested", 404),
    /** The case put no restriction in place, or it was lifted already. */
    NOT_RESTRICTED("not-restricted", "No restriction in force", 409),
    /**
     * A service or data source the step needs (the storefront's customer look-up, consent-service for an objection)
     * did not answer, even after retries.
     */
    DATA_SOURCE_UNAVAILABLE("data-source-unavailable", "Data source unavailable", 503),
    /** The case has no access package: none was prepared for it. */
    ACCESS_PACKAGE_NOT_PREPARED("access-package-not-prepared", "Access package not prepared", 404),
    /** No access package has this download link (never issued, altered, or replaced by a newer package). */
    ACCESS_LINK_NOT_FOUND("access-link-not-found", "Access link not found", 404),
    /** The download link has expired, or was used as many times as allowed; the package is (to be) deleted. */
    ACCESS_LINK_EXPIRED("access-link-expired", "Access link expired", 410),
    /**
     * The case has no package to release: none was prepared for review, it is incomplete, its link was already
     * issued, or it was deleted unreleased.
     */
    ACCESS_PACKAGE_NOT_RELEASABLE("access-package-not-releasable", "Access package not releasable", 409);

    private final Definition definition;

    DsrProblem(String slug, String title, int status) {
        this.definition = new Definition(slug, title, status);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
