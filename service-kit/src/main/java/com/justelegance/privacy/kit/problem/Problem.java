package com.justelegance.privacy.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

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
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** Media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Prefix of every problem type this system defines. */
    public static final String TYPE_BASE = "https://privacy.justelegance.com/problems/";

    public static String type(String slug) {
        return TYPE_BASE + slug;
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {
    }
}
