package com.justelegance.privacy.testing;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

/**
 * What every service's OpenAPI document must say about errors; a service's {@code OpenApiStatusTest} extends this,
 * names its problem catalogue, and adds the success statuses it checks by calling its operations.
 */
public abstract class OpenApiProblemTests {

    private final Class<? extends Enum<?>> catalogue;

    /** @param catalogue the service's problem catalogue ({@code ConsentProblem.class}, say) */
    protected OpenApiProblemTests(Class<? extends Enum<?>> catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Every error response the document lists is the problem document the service sends: application/problem+json
     * with the Problem schema; every operation lists the errors the kit gives any operation of its kind (401 and
     * 403 where a role is needed, 400 where there is a body or a parameter), and still documents its success.
     */
    @Test
    void everyErrorResponseIsDocumentedAsAProblem() {
        assertThat(OpenApiStatuses.problemGaps(), empty());
    }

    /** Each problem type of the service's catalogue is documented, by its slug, on a response with its status. */
    @Test
    void everyProblemTypeOfTheServiceIsDocumentedWithItsStatus() {
        assertThat(OpenApiStatuses.undocumentedProblems(ProblemCatalogues.of(catalogue)), empty());
    }
}
