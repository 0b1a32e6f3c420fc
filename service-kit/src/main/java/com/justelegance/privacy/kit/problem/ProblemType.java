package com.justelegance.privacy.kit.problem;

/**
 * A kind of problem a caller can meet, as a catalogue lists it: the kit's own in {@link KitProblem}, each
 * service's in its {@code domain} package. A problem document names it by its {@link #slug()} (as the last segment
 * of its {@code type} URI, which clients switch on), shows its {@link #title()}, and answers with its
 * {@link #status()}. Nothing here knows HTTP beyond the status number, so services can throw problems without
 * depending on JAX-RS.
 */
public interface ProblemType {

    /** The stable name of the kind of problem, lower-case words joined by hyphens: {@code unknown-purpose}. */
    String slug();

    /** A short human summary of the kind of problem, the same every time it occurs. */
    String title();

    /** The HTTP status a problem of this kind is answered with. */
    int status();

    /** The problem document's {@code type}: a URI ending in the slug. */
    default String type() {
        return Problem.type(slug());
    }
}
