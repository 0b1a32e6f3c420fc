package com.justelegance.privacy.kit.input;

import com.justelegance.privacy.kit.problem.KitProblem;
import com.justelegance.privacy.kit.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a request whose URI is longer than {@link #MAX_URI_LENGTH} with a 414 problem document, and one whose
 * declared body ({@code Content-Length}) is larger than {@link #MAX_BODY_BYTES} with a 413 problem document, before
 * anything reads or parses them. The HTTP server itself would answer both with a bare status and no body, and it
 * cannot be given a handler of ours; so the kit raises the server's own line limit
 * ({@code quarkus.http.limits.max-initial-line-length}, 64 KiB) and refuses here first, with the body every other
 * error has. The server's own limits remain behind these: a URI beyond 64 KiB, and a body sent in chunks without a
 * length that grows past {@code quarkus.http.limits.max-body-size} (the same 2 MiB), get its bare answer.
 */
@ApplicationScoped
public class RequestSizeLimits {

    /** The longest request URI (path and query) the services accept. */
    public static final int MAX_URI_LENGTH = 8192;
    /**
     * The largest body the services accept: the biggest request they take, a batch consent check of 10,000
     * subject ids, is well under half of it.
     */
    public static final long MAX_BODY_BYTES = 2L * 1024 * 1024;

    private static final String URI_TOO_LONG = Json.encode(Problem.of(KitProblem.URI_TOO_LONG,
            "The request URI is longer than " + MAX_URI_LENGTH + " characters; send long input in a request body"));
    private static final String BODY_TOO_LARGE = Json.encode(Problem.of(KitProblem.PAYLOAD_TOO_LARGE,
            "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB"));

    void install(@Observes Router router) {
        // Before Quarkus' own handlers (authentication, REST), so nothing parses the oversized request first.
        router.route().order(-1000).handler(context -> {
            if (context.request().uri().length() > MAX_URI_LENGTH) {
                refuse(context, KitProblem.URI_TOO_LONG, URI_TOO_LONG);
            } else if (declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH)) > MAX_BODY_BYTES) {
                refuse(context, KitProblem.PAYLOAD_TOO_LARGE, BODY_TOO_LARGE);
            } else {
                context.next();
            }
        });
    }

    private static void refuse(io.vertx.ext.web.RoutingContext context, KitProblem problem, String body) {
        // The body was not read: close the connection after answering rather than read megabytes to keep it.
        context.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return 0; // the server refuses a malformed Content-Length itself
        }
    }
}
