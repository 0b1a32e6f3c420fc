package com.justelegance.privacy.dsr.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.justelegance.privacy.dsr.certificate.Verification.Problem;
import com.justelegance.privacy.kit.KitConfig;
import com.justelegance.privacy.kit.crypto.ServiceSigningKey;
import com.justelegance.privacy.kit.crypto.ServiceSigningKey.PublicJwk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Base64;
import java.util.List;

/**
 * Signs erasure certificates and checks them. The key is the kit's {@link ServiceSigningKey} for the purpose
 * {@value #KEY_PURPOSE}, derived from the master key, so it is the same on every instance and after every restart;
 * its public half is published as a JWKS ({@link #signingKeys()}) for anyone to verify with.
 */
@ApplicationScoped
public class ErasureCertificates {

    /** The purpose label of the signing key: a key of its own, so no other signed document passes as a certificate. */
    public static final String KEY_PURPOSE = "erasure-certificates";
    private static final int SIGNATURE_BYTES = 64;

    private final ServiceSigningKey key;

    @Inject
    public ErasureCertificates(KitConfig config) {
        this(ServiceSigningKey.derive(config.masterKey(), KEY_PURPOSE));
    }

    ErasureCertificates(ServiceSigningKey key) {
        this.key = key;
    }

    /** The certificate with the service's Ed25519 signature over its canonical form ({@link CanonicalForm}). */
    public SignedCertificate sign(ErasureCertificate certificate) {
        byte[] signature = key.sign(CanonicalForm.of(certificate));
        return new SignedCertificate(certificate, new CertificateSignature(ServiceSigningKey.ALGORITHM, key.keyId(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(signature)));
    }

    /** Whether the certificate is unchanged since the service signed it, and if not, why. */
    public Verification verify(SignedCertificate signed) {
        return verify(CanonicalForm.of(signed.certificate()), signed.signature());
    }

    /**
     * Whether a certificate's JSON, exactly as presented (not as this service would write it after reading it), is
     * unchanged since the service signed it: what a third party checks with the JWKS.
     */
    public Verification verify(JsonNode certificate, CertificateSignature signature) {
        return verify(CanonicalForm.of(certificate), signature);
    }

    /** The public keys certificates are signed with, as JWKs. */
    public List<PublicJwk> signingKeys() {
        return List.of(key.publicJwk());
    }

    private Verification verify(byte[] canonical, CertificateSignature signature) {
        String keyId = signature.keyId();
        if (!ServiceSigningKey.ALGORITHM.equals(signature.algorithm())) {
            return Verification.invalid(keyId, Problem.UNSUPPORTED_ALGORITHM);
        }
        if (!key.keyId().equals(keyId)) {
            return Verification.invalid(keyId, Problem.UNKNOWN_KEY);
        }
        if (signature.value() == null) {
            return Verification.invalid(keyId, Problem.MALFORMED_SIGNATURE);
        }
        byte[] value;
        try {
            value = Base64.getUrlDecoder().decode(signature.value());
        } catch (IllegalArgumentException e) {
            return Verification.invalid(keyId, Problem.MALFORMED_SIGNATURE);
        }
        if (value.length != SIGNATURE_BYTES) {
            return Verification.invalid(keyId, Problem.MALFORMED_SIGNATURE);
        }
        return key.verifies(canonical, value)
                ? Verification.valid(keyId)
                : Verification.invalid(keyId, Problem.SIGNATURE_MISMATCH);
    }
}
