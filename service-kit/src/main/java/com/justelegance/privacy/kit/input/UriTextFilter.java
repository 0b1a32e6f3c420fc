package com.justelegance.privacy.kit.input;

import com.justelegance.privacy.kit.problem.KitProblem;
import com.justelegance.privacy.kit.problem.Problem;
import com.justelegance.privacy.kit.problem.ProblemMappers;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link TextRules} to path and query parameters, as {@link TextInput} does to bodies: a percent-encoded
 * NUL in a subject id would otherwise reach PostgreSQL and come back as a 500. Refusals are a 400 naming each
 * parameter, never its value.
 */
public class UriTextFilter {

    @ServerRequestFilter
    public Response refuseUnacceptableParameters(UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        try {
            collect(uri.getPathParameters(true), errors);
            collect(uri.getQueryParameters(true), errors);
        } catch (IllegalArgumentException badPercentEncoding) {
            return ProblemMappers.respond(Problem.of(KitProblem.INVALID_PARAMETER,
                    "A path or query parameter is not correctly percent-encoded"));
        }
        if (errors.isEmpty()) {
            return null;
        }
        return ProblemMappers.respond(Problem.validationFailed(errors));
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                TextRules.violation(value).ifPresent(rule ->
                        errors.add(Problem.FieldError.of(parameter.getKey(), rule)));
            }
        }
    }
}
