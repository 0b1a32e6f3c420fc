package com.justelegance.privacy.retention.domain;

import com.justelegance.privacy.kit.problem.KitProblem;
import com.justelegance.privacy.kit.problem.RetentionProblem;
import com.justelegance.privacy.testing.ProblemCatalogues;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

/** The service's problem catalogue: each slug names one kind of problem, and each type is really thrown. */
class RetentionProblemTest {

    @Test
    void everySlugNamesOneKindOfProblemAcrossTheKitAndTheService() {
        assertThat(ProblemCatalogues.clashes(KitProblem.class, RetentionProblem.class), empty());
    }

    @Test
    void everyProblemTypeIsThrownSomewhere() {
        assertThat(ProblemCatalogues.unused(RetentionProblem.class, Path.of("src/main/java")), empty());
    }
}
