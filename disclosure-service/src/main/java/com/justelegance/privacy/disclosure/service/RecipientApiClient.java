package com.justelegance.privacy.disclosure.service;

import com.justelegance.privacy.disclosure.config.DisclosureConfig;
import com.justelegance.privacy.disclosure.domain.NoticeKind;
import com.justelegance.privacy.events.codes.DataCategory;
import io.netty.channel.ConnectTimeoutException;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts Art. 19 notices to recipients' HTTP APIs as JSON, with the notice id as idempotency key so a repeated
 * post is harmless. Says whether the recipient accepted the notice, refused it for good, or could not be reached.
 *
 * <p>Each recipient registers its own notice URL, so there is no configured client to inject: a Quarkus REST
 * Client ({@link RecipientNoticeApi}) is built with {@link QuarkusRestClientBuilder} for each URL on first use,
 * kept for the next notices to that URL, and closed when the application stops. Redirects are not followed.
 *
 * <p>How failures are handled, and why this way:
 * <ul>
 *     <li><b>Timeouts</b> are the REST client's own connect and read timeouts ({@code
 *     disclosure.notices.request-timeout}). They end the HTTP exchange itself and free its connection. A Fault
 *     Tolerance {@code @Timeout} on this blocking call would only interrupt the waiting thread and leave the request
 *     open until the transport gave up anyway, so there is none.</li>
 *     <li><b>No retries here.</b> {@link NoticeDelivery} already retries with the durable
 *     {@link com.justelegance.privacy.disclosure.domain.RetrySchedule}: back-off kept in the database, so it holds
 *     across restarts and instances, and every attempt is counted where a person sees it. A Fault Tolerance
 *     {@code @Retry} on top would multiply posts per counted attempt, hide them from the count and keep the
 *     delivery job (and the notice's claim lease) busy longer, so there is none.</li>
 *     <li><b>A circuit breaker per recipient</b> (Fault Tolerance's programmatic {@link Guard}, one per recipient and
 *     URL; a {@code @CircuitBreaker} annotation would be one breaker per method, shared by every recipient, so one
 *     dead API would stop notices to all). A delivery round posts its notices one after another; without a breaker
 *     each notice to a recipient that hangs would cost a full timeout, and a batch of them can outlast the claim
 *     lease. After {@code disclosure.notices.circuit-breaker.failures} failed posts in a row to one recipient, its
 *     further posts fail at once for {@code circuit-breaker.delay}, and those notices follow the retry schedule
 *     like any other failed attempt. Only what the schedule would retry counts as a failure: a refusal or an
 *     acceptance shows the API is up.</li>
 * </ul>
 *
 * <p>Nothing personal is logged: notices carry ids, codes and references only, and logs name the recipient by code.
 */
@ApplicationScoped
public class RecipientApiClient {

    private final Duration timeout;
    private final DisclosureConfig.CircuitBreaker breaker;
    private final Map<URI, RecipientNoticeApi> clients = new ConcurrentHashMap<>();
    private final Map<BreakerKey, Guard> breakers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public RecipientApiClient(DisclosureConfig config) {
        this.timeout = config.notices().requestTimeout();
        this.breaker = config.notices().circuitBreaker();
    }

    /** What a notice says to the recipient: ids, codes and the recipient's own references, never personal data. */
    public record NoticeMessage(UUID noticeId, NoticeKind kind, String requestId, String controller,
                                String recipient, List<String> references, List<DataCategory> dataCategories,
                                Instant issuedAt, Instant respondBy) {
    }

    /** How a post ended. */
    public sealed interface Outcome {
    }

    /** A 2xx answer: the recipient has the notice. */
    public record Accepted(int status) implements Outcome {
    }

    /** A 4xx answer other than a timeout or rate limit, or an unusable endpoint: posting again would not help. */
    public record Refused(String reason) implements Outcome {
    }

    /** No answer, a 5xx, a timeout or a rate limit, or a recipient whose breaker is open: try again later. */
    public record Unreachable(String reason) implements Outcome {
    }

    /** Posts the notice to the recipient's endpoint (the complete URL it registered). */
    public Outcome post(String endpoint, NoticeMessage message) {
        URI uri;
        RecipientNoticeApi api;
        try {
            uri = usableUri(endpoint);
            api = clientFor(uri);
        } catch (IllegalArgumentException e) {
            return new Refused("the registered endpoint is not a usable URL");
        }
        try {
            return breakerFor(message.recipient(), uri).call(() -> send(api, message), Outcome.class);
        } catch (PostFailed failed) {
            return failed.outcome;
        } catch (CircuitBreakerOpenException e) {
            return new Unreachable("not posted: the recipient's API failed " + breaker.failures()
                    + " times in a row (circuit breaker open)");
        } catch (Exception e) {
            return new Unreachable(e.getClass().getSimpleName()); // send() turns failures into outcomes already
        }
    }

    /** One post; what the retry schedule would retry is thrown, so that the recipient's breaker counts it. */
    private Outcome send(RecipientNoticeApi api, NoticeMessage message) {
        int status;
        try (Response response = api.post(message.noticeId().toString(), message)) {
            status = response.getStatus();
        } catch (RuntimeException e) {
            throw new PostFailed(new Unreachable(describe(e)));
        }
        if (status >= 200 && status < 300) {
            return new Accepted(status);
        }
        if (status >= 400 && status < 500 && status != 408 && status != 425 && status != 429) {
            return new Refused("HTTP " + status);
        }
        throw new PostFailed(new Unreachable("HTTP " + status));
    }

    /** Why a post got no answer: a timeout, or the kind of failure (never its message, which may hold the URL). */
    private String describe(RuntimeException failure) {
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
                    || cause instanceof ConnectTimeoutException) {
                return "timed out: no answer within " + humanReadable(timeout);
            }
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            root = cause;
        }
        return root instanceof ConnectException ? "ConnectException" : root.getClass().getSimpleName();
    }

    private static String humanReadable(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT); // PT5S -> 5s, PT1M30S -> 1m30s
    }

    private static URI usableUri(String endpoint) {
        URI uri = URI.create(endpoint);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        return uri;
    }

    private RecipientNoticeApi clientFor(URI uri) {
        if (closed) {
            throw new IllegalStateException("The recipient API client is closed; the application is stopping");
        }
        return clients.computeIfAbsent(uri, base -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .disableDefaultMapper(true) // every status is an answer to classify, not an exception
                .build(RecipientNoticeApi.class));
    }

    /** The recipient's breaker for this URL: per recipient, and a new one when its notice URL changes. */
    private Guard breakerFor(String recipient, URI uri) {
        return breakers.computeIfAbsent(new BreakerKey(recipient, uri), key -> Guard.create()
                .withDescription("Art. 19 notices to " + recipient)
                .withCircuitBreaker()
                    .requestVolumeThreshold(breaker.failures())
                    .failureRatio(1.0)
                    .successThreshold(1)
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .failOn(PostFailed.class)
                    .onStateChange(state -> logStateChange(recipient, state))
                    .done()
                .build());
    }

    private void logStateChange(String recipient, CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            Log.warnf("Posts to %s's notice API failed %d times in a row; none for %s (circuit breaker open)",
                    recipient, breaker.failures(), humanReadable(breaker.delay()));
        } else {
            Log.infof("Circuit breaker for %s's notice API is now %s", recipient, state);
        }
    }

    @PreDestroy
    void close() {
        closed = true;
        clients.values().forEach(api -> {
            try {
                api.close();
            } catch (IOException | RuntimeException e) {
                Log.debugf("Closing a recipient API client failed: %s", e.getClass().getSimpleName());
            }
        });
        clients.clear();
    }

    private record BreakerKey(String recipient, URI uri) {
    }

    /** A post the retry schedule would retry, thrown through the recipient's breaker so that it counts. */
    private static final class PostFailed extends RuntimeException {

        private final transient Unreachable outcome;

        PostFailed(Unreachable outcome) {
            super(outcome.reason(), null, false, false);
            this.outcome = outcome;
        }
    }
}
