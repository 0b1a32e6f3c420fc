package com.justelegance.privacy.kit.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Set;

/**
 * Documents every service's error responses as what {@link ProblemMappers} sends. Each operation names its own
 * error statuses, with a description that starts each cause with its problem's slug
 * ({@code @APIResponse(responseCode = "409", description = "purpose-exists: ...")}, no content); this filter gives
 * every 4xx and 5xx response without content the {@code application/problem+json} body with the {@link Problem}
 * schema. It also documents the responses any operation can give without saying so: 401 and 403 where a role is
 * required, 400 where a body, path or query parameter can be refused (added to what the operation says of these
 * statuses, in place of Quarkus' bare "Not Authorized", "Not Allowed" and "Bad Request"). A response that names its
 * content itself (an HTML page for browsers) keeps it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String UNAUTHENTICATED = KitProblem.UNAUTHENTICATED.slug()
            + ": no valid bearer token came with the request";
    static final String FORBIDDEN = KitProblem.FORBIDDEN.slug() + ": the caller's role does not allow this operation";
    static final String INVALID = KitProblem.VALIDATION_FAILED.slug() + ": a field or parameter breaks a rule (the "
            + "problem names each); " + KitProblem.MALFORMED_JSON.slug() + ", " + KitProblem.UNKNOWN_FIELD.slug()
            + ", " + KitProblem.UNREADABLE_BODY.slug() + ": the body is not JSON of this request's shape; "
            + KitProblem.INVALID_PARAMETER.slug() + ": a parameter does not have the expected format";
    /** The descriptions Quarkus gives the 400, 401 and 403 responses it adds by itself. */
    private static final Set<String> BARE = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(ProblemResponses::document);
            }
        });
    }

    private static void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            document(responses, "401", UNAUTHENTICATED);
            document(responses, "403", FORBIDDEN);
        }
        if (takesInput(operation)) {
            document(responses, "400", INVALID);
        }
        if (responses.getAPIResponses() == null) {
            return;
        }
        responses.getAPIResponses().forEach((status, response) -> {
            boolean error = status.startsWith("4") || status.startsWith("5");
            if (error && (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
            }
        });
    }

    /** Whether the request has a part the kit's validation can refuse: a body, a path or a query parameter. */
    private static boolean takesInput(Operation operation) {
        if (operation.getRequestBody() != null) {
            return true;
        }
        List<Parameter> parameters = operation.getParameters();
        return parameters != null && parameters.stream().anyMatch(parameter ->
                parameter.getIn() == Parameter.In.PATH || parameter.getIn() == Parameter.In.QUERY);
    }

    /** Adds the kit's cause of an error status to what the operation says of that status. */
    private static void document(APIResponses responses, String status, String kitCause) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(kitCause));
        } else if (response.getDescription() == null || BARE.contains(response.getDescription())) {
            response.setDescription(kitCause);
        } else if (!response.getDescription().contains(kitCause)) {
            response.setDescription(response.getDescription() + "; " + kitCause);
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(Problem.SCHEMA)));
    }
}
