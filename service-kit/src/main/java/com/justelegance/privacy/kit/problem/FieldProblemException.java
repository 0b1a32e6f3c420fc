package com.justelegance.privacy.kit.problem;

import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * A problem caused by one request field: the problem document names the field under {@code errors}, as a
 * validation failure does, so a client can point at it. The detail never quotes the field's value.
 */
public class FieldProblemException extends ProblemException {

    private final String field;

    public FieldProblemException(Response.Status status, String slug, String field, String detail) {
        super(status, slug, detail);
        this.field = field;
    }

    @Override
    public Problem toProblem() {
        Problem problem = super.toProblem();
        return new Problem(problem.type(), problem.title(), problem.status(), problem.detail(),
                List.of(new Problem.FieldError(field, problem.detail())));
    }
}
