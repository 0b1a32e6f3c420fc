package com.justelegance.privacy.testing;

import com.justelegance.privacy.testing.RoleMatrix.Endpoint;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

/**
 * The role matrix as a test (see {@link RoleMatrix}): a service's {@code RoleMatrixTest} extends this, names the
 * roles, and lists its own endpoints; the kit's endpoints are added here. Every endpoint is then called as every
 * caller, and once without a token. One instance per class, so the endpoint list may use what the subclass set up.
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
}
