package com.justelegance.privacy.disclosure.domain;

import com.justelegance.privacy.kit.problem.DisclosureProblem;
import com.justelegance.privacy.kit.problem.KitProblem;
import com.justelegance.privacy.testing.ProblemCatalogues;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

/** The service's problem catalogue: each slug names one kind of problem, and each type is really thrown. */
class DisclosureProblemTest {

    @Test
    void everySlugNamesOneKindOfProblemAcrossTheKitAndTheService() {
        assertThat(ProblemCatalogues.clashes(KitProblem.class, DisclosureProblem.class), empty());
    }

    @Test
    void everyProblemTypeIsThrownSomewhere() {
        assertThat(ProblemCatalogues.unused(DisclosureProblem.class, Path.of("src/main/java")), empty());
    }
}
