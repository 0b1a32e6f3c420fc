package com.justelegance.privacy.dsr.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.justelegance.privacy.dsr.access.GatheredData.Outcome;
import com.justelegance.privacy.dsr.access.GatheredData.SourceResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Asks every data source what it holds about a subject ({@link SourceCalls}, with retries and a circuit breaker per
 * source). A source that still fails is recorded as missing with a short reason, never skipped: the package then
 * says it is incomplete and names it. Blocking, over HTTP: call it outside a database transaction.
 *
 * <p>The four sources are asked side by side, on Quarkus' managed executor, so a package waits for the slowest
 * source rather than for the sum of them (the access benchmark, issue 12 item 6: a customer with ten years of
 * history took the four answers one after the other). Each call keeps its own timeout, retries and circuit breaker.
 *
 * <p>Logs name the case reference, the source and the reason; never the subject or anything a source answered.
 */
@ApplicationScoped
public class DataSources {

    private static final Logger LOG = Logger.getLogger(DataSources.class);

    private final SourceCalls calls;
    private final ManagedExecutor executor;

    public DataSources(SourceCalls calls, ManagedExecutor executor) {
        this.calls = calls;
        this.executor = executor;
    }

    public GatheredData gather(String subjectId, String caseReference) {
        Map<DataSource, CompletableFuture<SourceResult>> asked = new EnumMap<>(DataSource.class);
        for (DataSource source : DataSource.inOrder()) {
            // read() turns every failure into a MISSING result, so each future completes normally.
            asked.put(source, executor.supplyAsync(() -> read(source, subjectId, caseReference, callFor(source))));
        }
        Map<DataSource, SourceResult> results = new EnumMap<>(DataSource.class);
        asked.forEach((source, answer) -> results.put(source, answer.join()));
        return new GatheredData(results);
    }

    private Function<String, JsonNode> callFor(DataSource source) {
        return switch (source) {
            case CONSENT -> calls::consentExport;
            case RETENTION -> calls::retentionTimeline;
            case DISCLOSURE -> calls::subjectDisclosures;
            case STOREFRONT -> calls::storefrontData;
        };
    }

    private static SourceResult read(DataSource source, String subjectId, String caseReference,
                                     Function<String, JsonNode> call) {
        try {
            JsonNode data = call.apply(subjectId);
            return new SourceResult(source, Outcome.INCLUDED, data, null);
        } catch (SourceFailure.HoldsNothing nothing) {
            return new SourceResult(source, Outcome.NOTHING_HELD, null, null);
        } catch (RuntimeException e) {
            String reason = reason(e);
            LOG.warnf("Access package for case %s: %s could not be read (%s)", caseReference, source.code(), reason);
            return new SourceResult(source, Outcome.MISSING, null, reason);
        }
    }

    /** A short reason staff can act on; never an exception's message, which may hold a URL. */
    private static String reason(RuntimeException failure) {
        if (failure instanceof SourceFailure known) {
            return known.getMessage();
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return "not called: it failed repeatedly just before (circuit breaker open)";
        }
        if (failure instanceof TimeoutException) {
            return "timed out";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.smallrye.jwt.build.JwtException) {
                return "no service token: the signing key (smallrye.jwt.sign.key.location) is missing or unreadable";
            }
            if (cause instanceof java.net.ConnectException) {
                return "not reachable";
            }
            if (cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof java.net.SocketTimeoutException) {
                return "timed out";
            }
        }
        return failure.getClass().getSimpleName();
    }
}
