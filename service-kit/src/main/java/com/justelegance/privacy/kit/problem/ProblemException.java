package com.justelegance.privacy.kit.problem;

import jakarta.ws.rs.core.Response;

/**
 * Thrown by services for anything the caller did wrong or asked for in the wrong state; rendered as a problem
 * document with its status. The detail must not contain personal data.
 */
public class ProblemException extends RuntimeException {

    private final Response.Status status;
    private final String slug;

    public ProblemException(Response.Status status, String slug, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, slug, detail);
    }

    public static ProblemException notFound(String slug, String detail) {
        return new ProblemException(Response.Status.NOT_FOUND, slug, detail);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Response.Status.CONFLICT, slug, detail);
    }

    public static ProblemException gone(String slug, String detail) {
        return new ProblemException(Response.Status.GONE, slug, detail);
    }

    public Response.Status status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem(Problem.type(slug), status.getReasonPhrase(), status.getStatusCode(), getMessage(), null);
    }
}
