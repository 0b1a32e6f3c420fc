package com.justelegance.privacy.console.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a service's error answer into a {@link BackendProblem}; registered on every client, each naming its service
 * in a subclass (a provider needs a no-argument constructor).
 */
public abstract class BackendProblems implements ResponseExceptionMapper<BackendProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String service;

    protected BackendProblems(String service) {
        this.service = service;
    }

    @Override
    public BackendProblem toThrowable(Response response) {
        String title = response.getStatusInfo().getReasonPhrase();
        String detail = null;
        List<String> fields = new ArrayList<>();
        try {
            String body = response.readEntity(String.class);
            JsonNode problem = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (problem != null && problem.isObject()) {
                title = problem.path("title").asText(title);
                detail = problem.path("detail").asText(null);
                problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            }
        } catch (Exception unreadable) {
            // Not a problem document (a proxy's page, say): the status and its reason phrase are all there is.
        }
        return new BackendProblem(service, response.getStatus(), title, detail, fields);
    }

    public static final class Dsr extends BackendProblems {
        public Dsr() {
            super("dsr-service");
        }
    }

    public static final class Consent extends BackendProblems {
        public Consent() {
            super("consent-service");
        }
    }

    public static final class Retention extends BackendProblems {
        public Retention() {
            super("retention-service");
        }
    }

    public static final class Disclosure extends BackendProblems {
        public Disclosure() {
            super("disclosure-service");
        }
    }
}
