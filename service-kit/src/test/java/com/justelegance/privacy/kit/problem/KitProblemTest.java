package com.justelegance.privacy.kit.problem;

import com.justelegance.privacy.testing.ProblemCatalogues;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** The kit's problem catalogue, and how a thrown problem becomes a problem document. */
class KitProblemTest {

    @Test
    void everySlugNamesOneKindOfProblem() {
        assertThat(ProblemCatalogues.clashes(KitProblem.class), empty());
    }

    @Test
    void everyProblemTypeIsAnsweredSomewhere() {
        assertThat(ProblemCatalogues.unused(KitProblem.class, Path.of("src/main/java")), empty());
    }

    @Test
    void aProblemDocumentTakesTypeTitleAndStatusFromItsType() {
        Problem problem = Problem.of(KitProblem.AUDIT_ANCHORS_UNAVAILABLE, "The broker did not answer");

        assertThat(problem, equalTo(new Problem("https://privacy.justelegance.com/problems/audit-anchors-unavailable",
                "Audit anchors unavailable", 503, "The broker did not answer", null)));
    }

    @Test
    void aFieldProblemNamesItsField() {
        ProblemException e = new FieldProblemException(KitProblem.VALIDATION_FAILED, "source", "is not allowed");

        assertThat(e.field().orElseThrow(), equalTo("source"));
        assertThat(new ProblemMappers().problem(e).getEntity(), equalTo(new Problem(
                "https://privacy.justelegance.com/problems/validation-failed", "Validation failed", 400,
                "is not allowed", List.of(new Problem.FieldError("source", "is not allowed")))));
    }
}
