package com.justelegance.privacy.console.centre;

import io.smallrye.faulttolerance.api.RateLimitException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many forms one client (its address; the proxy's X-Forwarded-For with {@code CONSOLE_BEHIND_PROXY}) may post
 * to the privacy centre a minute, across its forms: {@code console.centre.posts-per-client-per-minute}. Each form
 * also has an overall limit (SmallRye Fault Tolerance's {@code @RateLimit}), a flood guard for all clients together;
 * this one keeps a single client from using that up and locking everyone else out.
 *
 * <p>Why written here: Fault Tolerance limits per method, not per caller, and no extension in the Quarkus platform
 * limits per caller. A fixed one-minute window per address is enough for forms people fill in by hand; the table
 * forgets windows that are over once it holds {@link #MAX_CLIENTS} addresses, so it cannot grow without bound.
 */
@ApplicationScoped
public class ClientRateLimits {

    static final int MAX_CLIENTS = 10_000;

    private record Window(long minute, AtomicInteger posts) {
    }

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    public ClientRateLimits(@ConfigProperty(name = "console.centre.posts-per-client-per-minute") int perMinute) {
        this(perMinute, Clock.systemUTC());
    }

    ClientRateLimits(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts a post from the request's client; a post over the limit is refused (the centre's 429 page). */
    public void admit(HttpServerRequest request) {
        admit(request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    void admit(String client) {
        long minute = clock.millis() / 60_000;
        if (windows.size() >= MAX_CLIENTS) {
            windows.values().removeIf(window -> window.minute() != minute);
        }
        Window window = windows.compute(client, (key, current) ->
                current == null || current.minute() != minute ? new Window(minute, new AtomicInteger()) : current);
        if (window.posts().incrementAndGet() > perMinute) {
            throw new RateLimitException(60_000L, "too many posts from one client");
        }
    }
}
