package com.justelegance.privacy.kit.problem;

import com.justelegance.privacy.kit.problem.ProblemType;

/**
 * Every problem retention-service itself refuses a request with (the kit's, such as validation-failed, are in
 * {@link com.justelegance.privacy.kit.problem.KitProblem}). Clients switch on the slug, so a slug never changes.
 */
public enum RetentionProblem implements ProblemType {

    /** A retention period that is not ISO-8601 years, months, weeks or days, or out of range. */
    INVALID_RETENTION_PERIOD("invalid-retention-period", "Invalid retention period", 400),
    /** No retention rule exists for the category. */
    RULE_NOT_FOUND("rule-not-found", "Retention rule not found", 404),
    /** A rule is changed from a version that is no longer current, or added where one exists. */
    RULE_VERSION_CONFLICT("rule-version-conflict", "Retention rule changed meanwhile", 409),
    /** The change would leave no rule running from the last contact, so some data would never end. */
    GENERAL_RULE_REQUIRED("general-rule-required", "General retention rule required", 409),
    /** A legal hold that would end before today. */
    HOLD_END_IN_PAST("hold-end-in-past", "Legal hold ends in the past", 400),
    /** No legal hold has this id. */
    HOLD_NOT_FOUND("hold-not-found", "Legal hold not found", 404),
    /** The legal hold was released before. */
    HOLD_ALREADY_RELEASED("hold-already-released", "Legal hold already released", 409),
    /** No timeline is held for the subject. */
    SUBJECT_NOT_FOUND("subject-not-found", "Subject not found", 404),
    /** There is no record of the subject being erased. */
    SUBJECT_NOT_ERASED("subject-not-erased", "Subject not erased", 404),
    /** This service did not request the erasure. */
    ERASURE_REQUEST_NOT_FOUND("erasure-request-not-found", "Erasure request not found", 404),
    /** A purge run is in progress; only one runs at a time. */
    PURGE_RUN_IN_PROGRESS("purge-run-in-progress", "Purge run in progress", 409),
    /** No purge run has this id. */
    PURGE_RUN_NOT_FOUND("purge-run-not-found", "Purge run not found", 404);

    private final Definition definition;

    RetentionProblem(String slug, String title, int status) {
        this.definition = new Definition(slug, title, status);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
