package com.justelegance.privacy.kit.input;

import com.justelegance.privacy.kit.problem.KitProblem;
import com.justelegance.privacy.kit.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a request whose URI is longer than {@link #MAX_URI_LENGTH} with a 414 problem document. The HTTP server
 * itself would answer such a request with a bare 414 and no body, and it cannot be given a handler of ours; so the
 * kit raises the server's own line limit ({@code quarkus.http.limits.max-initial-line-length}, 64 KiB) and refuses
 * here first, with the body every other error has. Beyond 64 KiB the server's bare 414 remains.
 */
@ApplicationScoped
public class UriLengthLimit {

    /** The longest request URI (path and query) the services accept. */
    public static final int MAX_URI_LENGTH = 8192;

    private static final String TOO_LONG = Json.encode(Problem.of(KitProblem.URI_TOO_LONG,
            "The request URI is longer than " + MAX_URI_LENGTH + " characters; send long input in a request body"));

    void install(@Observes Router router) {
        // Before Quarkus' own handlers (authentication, REST), so nothing parses the oversized URI first.
        router.route().order(-1000).handler(context -> {
            if (context.request().uri().length() > MAX_URI_LENGTH) {
                context.response().setStatusCode(KitProblem.URI_TOO_LONG.status())
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(TOO_LONG);
            } else {
                context.next();
            }
        });
    }
}
