package com.justelegance.privacy.dsr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.dsr.certificate.CertificateFixtures;
import com.justelegance.privacy.dsr.certificate.ErasureCertificates;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.RoleMatrix.Call;
import com.justelegance.privacy.testing.RoleMatrix.Endpoint;
import com.justelegance.privacy.testing.RoleMatrixTests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Every endpoint against every caller (see RoleMatrix): the roles it names make a valid call and get its exact
 * success status, every other caller gets 403, and no token gets 401. Nothing here changes data yet. The two
 * erasure-certificate endpoints are open to anyone, token or not: whoever holds a certificate must be able to check it.
 */
@QuarkusTest
class RoleMatrixTest extends RoleMatrixTests {

    @Inject
    ErasureCertificates certificates;

    @Inject
    ObjectMapper mapper;

    RoleMatrixTest() {
        super(Roles.ALL, Roles.SERVICES);
    }

    @Override
    protected List<Endpoint> serviceEndpoints() {
        return List.of(
                Endpoint.of("GET /api/v1/deadlines", 200, Set.of(Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER,
                        Roles.AUDITOR), () -> Call.get("/api/v1/deadlines?receivedOn=2026-09-03")
                        .expecting(response -> response.body("dueOn", equalTo("2026-10-05")))),
                Endpoint.open("GET /api/v1/erasure-certificates/signing-keys", 200,
                        () -> Call.get("/api/v1/erasure-certificates/signing-keys")
                                .expecting(response -> response.body("keys[0].kid", notNullValue()))),
                Endpoint.open("POST /api/v1/erasure-certificates/verification", 200,
                        () -> Call.post("/api/v1/erasure-certificates/verification", signedCertificate())
                                .expecting(response -> response.body("valid", equalTo(true)))));
    }

    private String signedCertificate() {
        try {
            return mapper.writeValueAsString(certificates.sign(CertificateFixtures.certificate()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
