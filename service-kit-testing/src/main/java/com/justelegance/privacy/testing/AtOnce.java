package com.justelegance.privacy.testing;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * The same call made by {@link #CALLS} callers at once: each on its own thread, released together.
 *
 * <p>A plain thread pool of its own, made and shut down per use, on purpose: the callers stand for clients outside
 * the application under test, so they must not borrow its managed executors (they would compete with the very
 * worker threads that serve the calls, and would need the application's container on the test's side).
 */
public final class AtOnce {

    public static final int CALLS = 20;

    private AtOnce() {
    }

    /** Starts the calls; their answers come as they complete. */
    public static List<CompletableFuture<ExtractableResponse<Response>>> start(
            Supplier<ExtractableResponse<Response>> call) {
        CyclicBarrier together = new CyclicBarrier(CALLS);
        ExecutorService callers = Executors.newFixedThreadPool(CALLS);
        try {
            return IntStream.range(0, CALLS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            together.await(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException("The callers were not released together", e);
                        }
                        return call.get();
                    }, callers))
                    .toList();
        } finally {
            callers.shutdown();
        }
    }

    /** Makes the calls and returns every answer. */
    public static List<ExtractableResponse<Response>> call(Supplier<ExtractableResponse<Response>> call) {
        return start(call).stream().map(CompletableFuture::join).toList();
    }

    /** The HTTP statuses of the answers, lowest first. */
    public static List<Integer> statuses(List<ExtractableResponse<Response>> answers) {
        return answers.stream().map(ExtractableResponse::statusCode).sorted().toList();
    }

    /** One success with the given status, and a 409 for every other caller, lowest first. */
    public static List<Integer> oneWinner(int success) {
        return IntStream.range(0, CALLS).mapToObj(i -> i == 0 ? success : 409).sorted().toList();
    }

    /** Every 409 among the answers is a problem document of the given type (its slug). */
    public static void assertConflicts(List<ExtractableResponse<Response>> answers, String problem) {
        List<ExtractableResponse<Response>> conflicts = answers.stream().filter(a -> a.statusCode() == 409).toList();
        assertThat(conflicts.stream().map(ExtractableResponse::contentType).toList(),
                everyItem(equalTo("application/problem+json")));
        assertThat(conflicts.stream().map(a -> a.jsonPath().getString("type")).toList(),
                everyItem(equalTo("https://privacy.justelegance.com/problems/" + problem)));
    }
}
