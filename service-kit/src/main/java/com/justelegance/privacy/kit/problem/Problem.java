package com.justelegance.privacy.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An RFC 9457 problem document, the body of every error response.
 *
 * @param type   a stable URI naming the kind of problem; clients switch on it
 * @param title  a short human summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong this time, for a human; never personal data
 * @param errors for validation problems, one entry per offending field
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = Problem.SCHEMA, description = "An RFC 9457 problem document, the body of every error response")
public record Problem(
        @Schema(description = "A stable URI naming the kind of problem; clients switch on it", required = true)
        String type,
        @Schema(description = "A short human summary of the kind of problem", required = true) String title,
        @Schema(description = "The HTTP status", required = true) int status,
        @Schema(description = "What went wrong this time, for a human; never personal data") String detail,
        @Schema(description = "For problems about request fields, one entry per offending field")
        List<FieldError> errors) {

    /** Media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Prefix of every problem type this system defines. */
    public static final String TYPE_BASE = "https://privacy.justelegance.com/problems/";
    /** The name of this document's schema in every service's OpenAPI document. */
    public static final String SCHEMA = "Problem";

    public static String type(String slug) {
        return TYPE_BASE + slug;
    }

    /** A problem of a catalogued type: its type URI, title and status, with this occurrence's detail. */
    public static Problem of(ProblemType type, String detail) {
        return of(type, detail, null);
    }

    /** A problem of a catalogued type about the given fields. */
    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(type.type(), type.title(), type.status(), detail, errors);
    }

    /** A 400 for one or more fields that break a rule; the detail lists them all. */
    public static Problem validationFailed(List<FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        return of(KitProblem.VALIDATION_FAILED, detail, errors);
    }

    /** One invalid field of a request. */
    @Schema(name = "ProblemFieldError", description = "One offending field of a request")
    public record FieldError(
            @Schema(description = "The field as the caller wrote it: choices[0].purpose, or a parameter's name")
            String field,
            @Schema(description = "The rule it breaks; never the submitted value") String message) {

        /** The longest field name a problem quotes; names come from the caller and may be anything. */
        private static final int MAX_FIELD_LENGTH = 100;

        /**
         * An error for a field named by the caller (an unknown body field, a query parameter): control characters
         * in the name are replaced and a long name is cut, so the problem document stays readable.
         */
        public static FieldError of(String callerFieldName, String message) {
            String printable = callerFieldName.codePoints()
                    .map(c -> Character.isISOControl(c) ? '?' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            if (printable.length() > MAX_FIELD_LENGTH) {
                printable = printable.substring(0, MAX_FIELD_LENGTH) + "...";
            }
            return new FieldError(printable, message);
        }
    }
}
