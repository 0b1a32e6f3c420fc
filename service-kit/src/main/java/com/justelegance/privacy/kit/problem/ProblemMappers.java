package com.justelegance.privacy.kit.problem;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.justelegance.privacy.kit.input.TextInput;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Renders every error as {@code application/problem+json}: the caller's mistakes as 4xx with a stable type and a
 * useful detail, our own failures as a 500 that names an error id found in the log, never a stack trace. Details
 * quote field names and rules, never submitted values.
 */
public class ProblemMappers {

    /**
     * A service's refusal: the type's slug, title and status, the exception's detail, and the field it is about if
     * there is one.
     */
    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        List<Problem.FieldError> errors = e.field()
                .map(field -> List.of(new Problem.FieldError(field, e.detail())))
                .orElse(null);
        return respond(Problem.of(e.type(), e.detail(), errors));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(Problem.validationFailed(errors));
    }

    /**
     * A body that is not JSON at all. Jackson's own message quotes the offending text, which may be personal data,
     * so only the position is passed on.
     */
    @ServerExceptionMapper
    public Response malformedBody(StreamReadException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return respond(Problem.of(KitProblem.MALFORMED_JSON, "The request body is not well-formed JSON" + where));
    }

    /** A field the endpoint does not know, most often a misspelling that would otherwise be silently ignored. */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = fieldPath(e);
        return respond(Problem.of(KitProblem.UNKNOWN_FIELD,
                "The request body has a field this endpoint does not know; check its spelling: " + field,
                List.of(Problem.FieldError.of(field, "is not a field of this request"))));
    }

    /** A string that breaks the kit's text rules (control characters, length). */
    @ServerExceptionMapper
    public Response unacceptableText(TextInput.UnacceptableTextException e) {
        return respond(Problem.validationFailed(List.of(Problem.FieldError.of(fieldPath(e), e.rule()))));
    }

    /** Well-formed JSON of the wrong shape: a string where a number belongs, an unknown code. */
    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class, JsonMappingException.class})
    public Response unreadableBody(JsonMappingException e) {
        if (e.getCause() instanceof StreamReadException unparsable) {
            // Jackson wraps a syntax error met inside a list or an object in a mapping error with a path.
            return malformedBody(unparsable);
        }
        String detail = "The request body is not valid JSON for this endpoint";
        if (!e.getPath().isEmpty()) {
            detail += ": check field " + fieldPath(e);
        }
        return respond(Problem.of(KitProblem.UNREADABLE_BODY, detail));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(KitProblem.UNAUTHENTICATED, "A valid bearer token is required"))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(KitProblem.FORBIDDEN, "Your role does not allow this operation"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // Quarkus REST reports a body Jackson could not parse as a bare 400 wrapping Jackson's exception.
        if (e.getCause() instanceof StreamReadException unparsable) {
            return malformedBody(unparsable);
        }
        if (e.getCause() instanceof JsonMappingException unmappable) {
            return unreadableBody(unmappable);
        }
        if (e instanceof NotFoundException && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException)) {
            // JAX-RS reports a path or query parameter it could not convert (a malformed date, say) as 404;
            // for the caller it is bad input.
            return respond(Problem.of(KitProblem.INVALID_PARAMETER,
                    "A path or query parameter does not have the expected format"));
        }
        Response original = e.getResponse();
        if (original.getStatus() >= 500) {
            return internalError(e);
        }
        Response.ResponseBuilder response = Response.status(original.getStatus())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(routingProblem(original.getStatusInfo()), e.getMessage()));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    /**
     * An endpoint anyone may call, over its {@code @RateLimit} (SmallRye Fault Tolerance): 429, and when the
     * window allows the next call.
     */
    @ServerExceptionMapper
    public Response tooManyRequests(RateLimitException e) {
        long seconds = Math.max(1, (e.getRetryAfterMillis() + 999) / 1000);
        return Response.status(KitProblem.TOO_MANY_REQUESTS.status())
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", Long.toString(seconds))
                .entity(Problem.of(KitProblem.TOO_MANY_REQUESTS, "Too many requests to this endpoint; try again in "
                        + seconds + " s"))
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        return internalError(e);
    }

    private static Response internalError(Exception e) {
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "Unhandled error %s", errorId);
        return respond(Problem.of(KitProblem.INTERNAL_ERROR,
                "Something went wrong on our side; quote error id " + errorId));
    }

    /**
     * The kit's problem for a status the REST layer answered by itself (no such path, method or media type); a
     * status the catalogue does not list keeps its reason phrase as slug and title.
     */
    private static ProblemType routingProblem(Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 400 -> KitProblem.BAD_REQUEST;
            case 404 -> KitProblem.NOT_FOUND;
            case 405 -> KitProblem.METHOD_NOT_ALLOWED;
            case 406 -> KitProblem.NOT_ACCEPTABLE;
            case 413 -> KitProblem.PAYLOAD_TOO_LARGE;
            case 414 -> KitProblem.URI_TOO_LONG;
            case 415 -> KitProblem.UNSUPPORTED_MEDIA_TYPE;
            default -> new Uncatalogued(status.getReasonPhrase().toLowerCase().replaceAll("[^a-z]+", "-"),
                    status.getReasonPhrase(), status.getStatusCode());
        };
    }

    /** A status the REST layer answered that no catalogue lists (a 412, say); rare enough not to catalogue. */
    private record Uncatalogued(Definition definition) implements ProblemType {

        Uncatalogued(String slug, String title, int status) {
            this(new Definition(slug, title, status));
        }
    }

    /** The field a Jackson error is about, as the caller wrote it: {@code choices[0].purpose}. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "request" : path.toString();
    }

    /** The response for a problem document; for the kit's filters too. */
    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The offending field as a caller knows it: {@code purposes[2]} for a body field, the parameter name for a
     * query or path parameter; without the Java method name Bean Validation puts in front.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.getIndex() != null || node.getKey() != null) {
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey())
                                .append(']');
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : "request";
    }
}
