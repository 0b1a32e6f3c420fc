package com.justelegance.privacy.dsr.certificate;

import java.util.Objects;

/**
 * An erasure certificate with the service's signature over its canonical form: what the requester is given, as
 * JSON {@code {"certificate": {...}, "signature": {"algorithm": "Ed25519", "keyId": ..., "value": ...}}}.
 */
public record SignedCertificate(ErasureCertificate certificate, CertificateSignature signature) {

    public SignedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(signature, "signature");
    }
}
