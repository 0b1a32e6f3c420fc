package com.justelegance.privacy.dsr.certificate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The signature block of a signed erasure certificate. Read as it comes (a certificate presented for verification
 * may carry anything here); {@link ErasureCertificates#verify} says what is wrong with it.
 *
 * @param algorithm always {@code Ed25519}
 * @param keyId     the id ({@code kid}) of the key in the service's JWKS that made it
 * @param value     the 64-byte Ed25519 signature of the certificate's canonical form, base64url without padding
 */
public record CertificateSignature(@NotBlank @Size(max = 40) String algorithm,
                                   @NotBlank @Size(max = 100) String keyId,
                                   @NotBlank @Size(max = 200) String value) {
}
