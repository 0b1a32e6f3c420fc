package com.justelegance.privacy.dsr.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate;
import com.justelegance.privacy.dsr.certificate.ErasureCertificates;
import com.justelegance.privacy.dsr.rest.ErasureCertificateDtos.Jwks;
import com.justelegance.privacy.dsr.rest.ErasureCertificateDtos.VerificationRequest;
import com.justelegance.privacy.dsr.rest.ErasureCertificateDtos.VerificationView;
import com.justelegance.privacy.kit.problem.FieldProblemException;
import com.justelegance.privacy.kit.problem.KitProblem;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What anyone holding an erasure certificate needs to check it: the public keys certificates are signed with, and
 * a check of a certificate by the service. Both need no token, as the only endpoints of this service to do so: a
 * certificate is given to the requester, who may show it to anyone (a regulator, a lawyer, a court), and none of
 * them has, or should need, an account with us. Neither reveals anything a certificate does not already hold: the
 * keys are public, and a check only answers whether the certificate presented is one we signed.
 */
@Path("/api/v1/erasure-certificates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Erasure certificates")
public class ErasureCertificateResource {

    private final ErasureCertificates certificates;
    private final ObjectMapper mapper;

    public ErasureCertificateResource(ErasureCertificates certificates, ObjectMapper mapper) {
        this.certificates = certificates;
        this.mapper = mapper;
    }

    @GET
    @Path("/signing-keys")
    @PermitAll
    @Operation(summary = "The public keys erasure certificates are signed with, as a JSON Web Key Set (Ed25519, "
            + "RFC 8037); no token needed")
    @APIResponse(responseCode = "200", description = "The keys; a signature's keyId is the kid of the key that "
            + "made it")
    public Jwks signingKeys() {
        return new Jwks(certificates.signingKeys());
    }

    @POST
    @Path("/verification")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a signed erasure certificate, as the requester holds it; no token needed. A "
            + "certificate that does not verify is an answer (valid false, with the reason), not an error")
    @APIResponse(responseCode = "200", description = "Whether the certificate is unchanged since this service "
            + "signed it, and if not, why")
    @APIResponse(responseCode = "400", description = "validation-failed: certificate or a signature field is "
            + "missing; unreadable-body, unknown-field: the certificate is not an erasure certificate (the problem "
            + "names the field)")
    public VerificationView verify(@NotNull @Valid VerificationRequest request) throws JsonMappingException {
        readCertificate(request.certificate());
        return VerificationView.of(certificates.verify(request.certificate(), request.signature()));
    }

    /**
     * Refuses, as any body of the wrong shape is refused, what is not an erasure certificate at all, naming the
     * field under {@code certificate}; whether it was changed is for the signature to say.
     */
    private void readCertificate(JsonNode certificate) throws JsonMappingException {
        if (!certificate.isObject()) {
            throw new FieldProblemException(KitProblem.VALIDATION_FAILED, "certificate",
                    "must be an erasure certificate object");
        }
        try {
            mapper.treeToValue(certificate, ErasureCertificate.class);
        } catch (JsonMappingException e) {
            throw JsonMappingException.wrapWithPath(e, certificate, "certificate");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be read", e);
        }
    }
}
