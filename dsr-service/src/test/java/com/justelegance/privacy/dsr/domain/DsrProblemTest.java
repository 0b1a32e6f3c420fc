package com.justelegance.privacy.dsr.domain;

import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.problem.KitProblem;
import com.justelegance.privacy.testing.ProblemCatalogues;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

/** The service's problem catalogue: each slug names one kind of problem, and each type is really thrown. */
class DsrProblemTest {

    @Test
    void everySlugNamesOneKindOfProblemAcrossTheKitAndTheService() {
        assertThat(ProblemCatalogues.clashes(KitProblem.class, DsrProblem.class), empty());
    }

    @Test
    void everyProblemTypeIsThrownSomewhere() {
        assertThat(ProblemCatalogues.unused(DsrProblem.class, Path.of("src/main/java")), empty());
    }
}
