package com.justelegance.privacy.kit.problem;

import com.justelegance.privacy.kit.problem.ProblemType;

/**
 * Every problem dsr-service itself refuses a request with (the kit's, such as validation-failed, are in
 * {@link com.justelegance.privacy.kit.problem.KitProblem}). Clients switch on the slug, so a slug never changes.
 */
public enum DsrProblem implements ProblemType {

    /** The deadline falls before the first year of the bank holidays the service knows; the past is not guessed. */
    BANK_HOLIDAYS_NOT_COVERED("bank-holidays-not-covered", "Bank holidays not covered", 409);

    private final Definition definition;

    DsrProblem(String slug, String title, int status) {
        this.definition = new Definition(slug, title, status);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
