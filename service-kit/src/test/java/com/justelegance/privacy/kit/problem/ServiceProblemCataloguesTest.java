package com.justelegance.privacy.kit.problem;

import com.justelegance.privacy.testing.ProblemCatalogues;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * Each service's catalogue, kept here beside the kit's: no slug of it names another kind of problem in the kit, and
 * every type it lists is one the service really throws (its sources, in the sibling module, are read as text).
 */
class ServiceProblemCataloguesTest {

    static Stream<Arguments> catalogues() {
        return Stream.of(
                Arguments.of(ConsentProblem.class, "consent-service"),
                Arguments.of(RetentionProblem.class, "retention-service"),
                Arguments.of(DisclosureProblem.class, "disclosure-service"),
                Arguments.of(DsrProblem.class, "dsr-service"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("catalogues")
    void everySlugNamesOneKindOfProblemAcrossTheKitAndTheService(Class<? extends Enum<?>> catalogue, String module) {
        assertThat(ProblemCatalogues.clashes(KitProblem.class, catalogue), empty());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("catalogues")
    void everyProblemTypeIsThrownByItsService(Class<? extends Enum<?>> catalogue, String module) {
        Path sources = Path.of("..", module, "src", "main", "java");
        assertThat(module + " sources are beside the kit", Files.isDirectory(sources), equalTo(true));
        assertThat(ProblemCatalogues.unused(catalogue, sources), empty());
    }
}
