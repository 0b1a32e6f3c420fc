package com.justelegance.privacy.dsr.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.justelegance.privacy.dsr.certificate.CertificateSignature;
import com.justelegance.privacy.dsr.certificate.ErasureCertificate;
import com.justelegance.privacy.dsr.certificate.Verification;
import com.justelegance.privacy.kit.crypto.ServiceSigningKey.PublicJwk;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The bodies of the erasure-certificate API. */
public final class ErasureCertificateDtos {

    private ErasureCertificateDtos() {
    }

    /** A JSON Web Key Set (RFC 7517): the public keys certificates are signed with. */
    public record Jwks(List<PublicJwk> keys) {
    }

    /**
     * A signed certificate to check, as the requester holds it. The certificate is kept as the JSON that came, since
     * the signature covers that JSON's canonical form and not what the service would make of it.
     */
    public record VerificationRequest(
            @NotNull @Schema(implementation = ErasureCertificate.class) JsonNode certificate,
            @NotNull @Valid CertificateSignature signature) {
    }

    /**
     * The answer.
     *
     * @param valid   the certificate is unchanged since the service signed it
     * @param keyId   the key id the signature names
     * @param problem why not, when not valid: UNSUPPORTED_ALGORITHM, UNKNOWN_KEY, MALFORMED_SIGNATURE or
     *                SIGNATURE_MISMATCH (left out when valid)
     */
    public record VerificationView(boolean valid, String keyId,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) Verification.Problem problem) {

        static VerificationView of(Verification verification) {
            return new VerificationView(verification.valid(), verification.keyId(), verification.problem());
        }
    }
}
