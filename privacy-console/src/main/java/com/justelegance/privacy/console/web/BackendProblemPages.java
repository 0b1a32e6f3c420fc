package com.justelegance.privacy.console.web;

import com.justelegance.privacy.console.backend.BackendProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A page whose service refused or could not be reached: an error page with the status the service gave (a 403
 * stays a 403), never a stack trace. A service that cannot be reached is a 503.
 */
public class BackendProblemPages {

    private static final Logger LOG = Logger.getLogger(BackendProblemPages.class);

    @CheckedTemplate(basePath = "")
    static class Templates {
        /** {@code section}: the layout's nav item; an error page belongs to none. */
        static native TemplateInstance problem(int status, String message, String section);
    }

    @ServerExceptionMapper
    public Response refused(BackendProblem problem) {
        int status = problem.status() >= 500 ? 503 : problem.status();
        return Response.status(status).type(MediaType.TEXT_HTML)
                .entity(Templates.problem(status, problem.message(), "")).build();
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException failure) {
        LOG.warnf("A service could not be reached: %s", failure.getClass().getSimpleName());
        return Response.status(503).type(MediaType.TEXT_HTML)
                .entity(Templates.problem(503, "A service cannot be reached just now. Try again in a minute.", ""))
                .build();
    }
}
