package com.justelegance.privacy.simulator.datasource;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The problems the data-source API answers with, as RFC 9457 {@code application/problem+json} documents of the
 * same shape and with the same {@code type} URIs as the services' (service-kit's {@code Problem} and
 * {@code KitProblem}; retention-service's {@code subject-not-found}). A detail never quotes a submitted value.
 */
enum DataSourceProblem {

    /** A query or path parameter breaks a rule; the problem names each field. */
    VALIDATION_FAILED("validation-failed", "Validation failed", 400),
    /** The query or path is not correctly percent-encoded. */
    INVALID_PARAMETER("invalid-parameter", "Invalid parameter", 400),
    /** No valid bearer token came with the request. */
    UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
    /** The token is valid but does not hold the role {@code dsr-service}. */
    FORBIDDEN("forbidden", "Not allowed for this role", 403),
    /** The storefront holds nothing about this subject: never known, or erased with nothing kept. */
    SUBJECT_NOT_FOUND("subject-not-found", "Subject not found", 404),
    /** No endpoint has this path. */
    NOT_FOUND("not-found", "Not found", 404),
    /** The path exists, but not with this method. */
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    /** The request URI is longer than the API accepts. */
    URI_TOO_LONG("uri-too-long", "URI too long", 414),
    /** Something failed on the storefront's side; the detail names an error id found in its log. */
    INTERNAL_ERROR("internal-error", "Internal error", 500);

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://privacy.justelegance.com/problems/";

    final String slug;
    final String title;
    final int status;

    DataSourceProblem(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    Document document(String detail, List<FieldError> errors) {
        return new Document(TYPE_BASE + slug, title, status, detail, errors);
    }

    /** The problem document itself. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Document(String type, String title, int status, String detail, List<FieldError> errors) {
    }

    /** One offending field: its name and the rule it breaks, never its value. */
    record FieldError(String field, String message) {

        private static final int MAX_FIELD_LENGTH = 100;

        /** An error for a field named by the caller: printable and cut short, as the services do. */
        static FieldError named(String callerFieldName, String message) {
            String printable = callerFieldName.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            if (printable.length() > MAX_FIELD_LENGTH) {
                printable = printable.substring(0, MAX_FIELD_LENGTH) + "...";
            }
            return new FieldError(printable, message);
        }
    }

    /** Thrown by the handlers; the server turns it into the problem document. */
    static final class Failure extends RuntimeException {

        final DataSourceProblem problem;
        final List<FieldError> errors;

        Failure(DataSourceProblem problem, String detail, List<FieldError> errors) {
            super(detail, null, false, false);
            this.problem = problem;
            this.errors = errors == null ? List.of() : List.copyOf(errors);
        }

        Failure(DataSourceProblem problem, String detail) {
            this(problem, detail, List.of());
        }

        Document document() {
            return problem.document(getMessage(), errors);
        }
    }
}
