package com.justelegance.privacy.kit.problem;

/**
 * The problems service-kit itself answers in every service: input the kit's filters and mappers refuse, requests
 * the REST layer cannot route, refused tokens and roles, and the kit's own failures.
 */
public enum KitProblem implements ProblemType {

    /** Bean Validation, or the kit's text rules, refused one or more fields; the problem names each. */
    VALIDATION_FAILED("validation-failed", "Validation failed", 400),
    /** The body has a field the endpoint does not know, most often a misspelling. */
    UNKNOWN_FIELD("unknown-field", "Unknown field", 400),
    /** The body is not well-formed JSON. */
    MALFORMED_JSON("malformed-json", "Malformed JSON", 400),
    /** The body is JSON of the wrong shape: a string where a number belongs, an unknown code. */
    UNREADABLE_BODY("unreadable-body", "Unreadable body", 400),
    /** A path or query parameter is not of the expected format, or not correctly percent-encoded. */
    INVALID_PARAMETER("invalid-parameter", "Invalid parameter", 400),
    /** A request the REST layer itself refused as bad without saying more. */
    BAD_REQUEST("bad-request", "Bad request", 400),
    /** No valid bearer token came with the request. */
    UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
    /** The caller's role does not allow the operation. */
    FORBIDDEN("forbidden", "Not allowed for this role", 403),
    /** No endpoint has this path. */
    NOT_FOUND("not-found", "Not found", 404),
    /** The path exists, but not with this method. */
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    /** The endpoint cannot answer in any media type the caller accepts. */
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    /** The request body is larger than the services accept. */
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
    /** The request URI is longer than the services accept. */
    URI_TOO_LONG("uri-too-long", "URI too long", 414),
    /** The endpoint does not take a body of this media type. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    /** Too many requests to an endpoint anyone may call, within its window; Retry-After says when to try again. */
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    /** Something failed on our side; the problem names an error id found in the log. */
    INTERNAL_ERROR("internal-error", "Internal error", 500),
    /** The audit log's anchors could not be read from the broker, so the log cannot be verified now. */
    AUDIT_ANCHORS_UNAVAILABLE("audit-anchors-unavailable", "Audit anchors unavailable", 503);

    private final Definition definition;

    KitProblem(String slug, String title, int status) {
        this.definition = new Definition(slug, title, status);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
