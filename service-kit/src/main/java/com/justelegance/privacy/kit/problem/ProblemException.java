package com.justelegance.privacy.kit.problem;

import java.util.Optional;

/**
 * Thrown by services for anything the caller did wrong or asked for in the wrong state: a problem of a type from a
 * catalogue ({@link KitProblem} or the service's own), with a detail for this occurrence. The REST layer renders it
 * as a problem document with the type's status ({@link ProblemMappers}); the service layer needs no HTTP types to
 * throw it. The detail must not contain personal data.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    /** The kind of problem, which gives the response its type, title and status. */
    public ProblemType type() {
        return type;
    }

    /** The request field the problem is about, if it is about one (see {@link FieldProblemException}). */
    public Optional<String> field() {
        return Optional.empty();
    }

    /** What went wrong this time, for a human; never personal data. */
    public String detail() {
        return getMessage();
    }
}
