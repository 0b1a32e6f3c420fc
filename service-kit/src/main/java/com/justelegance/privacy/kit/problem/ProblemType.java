package com.justelegance.privacy.kit.problem;

/**
 * A kind of problem a caller can meet, as a catalogue lists it. Every catalogue lives here, in one place a client
 * or a reviewer can read whole: the kit's own in {@link KitProblem}, each service's in {@code <Service>Problem}
 * ({@link ConsentProblem}, {@link RetentionProblem}, {@link DisclosureProblem}, {@link DsrProblem}). A problem document names it by its {@link #slug()} (as the last segment
 * of its {@code type} URI, which clients switch on), shows its {@link #title()}, and answers with its
 * {@link #status()}. Nothing here knows HTTP beyond the status number, so services can throw problems without
 * depending on JAX-RS.
 */
public interface ProblemType {

    /**
     * What a catalogue entry says of its kind of problem; a catalogue enum keeps one per constant.
     *
     * @param slug   the stable name of the kind of problem, lower-case words joined by hyphens: {@code unknown-purpose}
     * @param title  a short human summary of the kind of problem, the same every time it occurs
     * @param status the HTTP status a problem of this kind is answered with
     */
    record Definition(String slug, String title, int status) {
    }

    Definition definition();

    default String slug() {
        return definition().slug();
    }

    default String title() {
        return definition().title();
    }

    default int status() {
        return definition().status();
    }

    /** The problem document's {@code type}: a URI ending in the slug. */
    default String type() {
        return Problem.type(slug());
    }
}
