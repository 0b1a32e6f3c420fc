package com.justelegance.privacy.testing;

import com.justelegance.privacy.testing.RoleMatrix.Call;
import com.justelegance.privacy.testing.RoleMatrix.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How the matrix is held to the OpenAPI document's operations (the services' {@code RoleMatrixTest}s hold it to
 * their real documents): a missing operation and a stale entry are both named, and an entry matches its operation
 * whatever its path parameters are called and whatever query it tries.
 */
class RoleMatrixCoverageTest {

    private static final Set<String> OFFICER = Set.of("privacy-officer");

    @Test
    void anOperationWithoutAnEntryAndAnEntryWithoutAnOperationAreBothNamed() {
        List<Endpoint> matrix = List.of(
                entry("GET /api/v1/recipients"),
                entry("DELETE /api/v1/recipients/{code}"));
        List<String> operations = List.of("GET /api/v1/recipients", "POST /api/v1/recipients");

        assertEquals(List.of(
                        "POST /api/v1/recipients: in the OpenAPI document, but no matrix entry",
                        "DELETE /api/v1/recipients/{code}: in the matrix, but no operation of the OpenAPI document"),
                RoleMatrix.coverageGaps(matrix, operations));
    }

    @Test
    void entriesMatchTheirOperationWhateverTheParameterNamesAndQueries() {
        List<Endpoint> matrix = List.of(
                entry("GET /api/v1/subjects/{id}/disclosures"),
                entry("GET /api/v1/subjects/{id}/disclosures?includeWithheld=true"),
                entry("POST /api/v1/requests/{id}/access-package/release"));
        List<String> operations = List.of("GET /api/v1/subjects/{subjectId}/disclosures",
                "POST /api/v1/requests/{requestId}/access-package/release");

        assertEquals(List.of(), RoleMatrix.coverageGaps(matrix, operations));
    }

    @Test
    void aMethodIsPartOfTheOperation() {
        List<Endpoint> matrix = List.of(entry("GET /api/v1/notices/{id}"));

        assertEquals(List.of(
                        "PUT /api/v1/notices/{id}: in the OpenAPI document, but no matrix entry",
                        "GET /api/v1/notices/{id}: in the matrix, but no operation of the OpenAPI document"),
                RoleMatrix.coverageGaps(matrix, List.of("PUT /api/v1/notices/{id}")));
    }

    private static Endpoint entry(String name) {
        return Endpoint.of(name, 200, OFFICER, () -> Call.get("/unused"));
    }
}
