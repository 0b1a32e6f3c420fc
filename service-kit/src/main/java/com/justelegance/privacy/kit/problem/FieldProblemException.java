package com.justelegance.privacy.kit.problem;

import java.util.Optional;

/**
 * A problem caused by one request field: the problem document names the field under {@code errors}, as a
 * validation failure does, so a client can point at it. The detail never quotes the field's value.
 */
public class FieldProblemException extends ProblemException {

    private final String field;

    public FieldProblemException(ProblemType type, String field, String detail) {
        super(type, detail);
        this.field = field;
    }

    @Override
    public Optional<String> field() {
        return Optional.of(field);
    }
}
