package com.justelegance.privacy.testing;

import com.justelegance.privacy.testing.RoleMatrix.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The role matrix as a test (see {@link RoleMatrix}): a service's {@code RoleMatrixTest} extends this, names the
 * roles, and lists its own endpoints; the kit's endpoints are added here. Every endpoint is then called as every
 * caller, once without a token, and, if it needs a role, once with each kind of bad token ({@link BadToken}). The
 * matrix must cover every operation of the service's OpenAPI document, so a new endpoint cannot ship unchecked.
 * One instance per class, so the endpoint list may use what the subclass set up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RoleMatrixTests {

    private final List<String> peopleRoles;
    private final List<String> serviceRoles;

    /**
     * @param peopleRoles  every role people hold
     * @param serviceRoles every role services call each other with
     */
    protected RoleMatrixTests(List<String> peopleRoles, List<String> serviceRoles) {
        this.peopleRoles = List.copyOf(peopleRoles);
        this.serviceRoles = List.copyOf(serviceRoles);
    }

    /** The service's own endpoints, one line each. */
    protected abstract List<Endpoint> serviceEndpoints();

    List<Endpoint> everyEndpoint() {
        return Stream.concat(RoleMatrix.kitEndpoints().stream(), serviceEndpoints().stream()).toList();
    }

    Stream<Arguments> everyEndpointAndCaller() {
        return RoleMatrix.everyCaller(everyEndpoint(), peopleRoles, serviceRoles);
    }

    Stream<Arguments> everyEndpointAndBadToken() {
        return RoleMatrix.everyBadToken(everyEndpoint());
    }

    @Test
    void theMatrixCoversEveryOperationOfTheOpenApiDocument() {
        List<String> operations = OpenApiStatuses.operations();
        assertEquals(List.of(), RoleMatrix.coverageGaps(everyEndpoint(), operations),
                "Every operation needs its line in the role matrix (kit endpoints included), and every line an "
                        + "operation");
        // The count the notes give: every operation is covered, so this is the number of operations checked.
        System.out.printf("Role matrix of %s: %d operations covered (%d matrix entries)%n",
                getClass().getPackageName(), operations.size(), everyEndpoint().size());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndCaller")
    void onlyTheNamedRolesGetThrough(Endpoint endpoint, String caller) {
        RoleMatrix.assertAnswered(endpoint, caller);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void withoutATokenOnlyTheOpenEndpointsAnswer(Endpoint endpoint) {
        RoleMatrix.assertAnonymousAnswered(endpoint);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("everyEndpointAndBadToken")
    void aBadTokenIsRefusedWhateverRoleItClaims(Endpoint endpoint, BadToken kind) {
        RoleMatrix.assertBadTokenRefused(endpoint, kind);
    }
}
