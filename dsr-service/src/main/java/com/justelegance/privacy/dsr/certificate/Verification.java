package com.justelegance.privacy.dsr.certificate;

/**
 * Whether a signed certificate is unchanged since this service signed it.
 *
 * @param valid   the signature is this service's, over exactly this certificate
 * @param keyId   the key id the signature names
 * @param problem why it is not valid; null when it is
 */
public record Verification(boolean valid, String keyId, Problem problem) {

    static Verification valid(String keyId) {
        return new Verification(true, keyId, null);
    }

    static Verification invalid(String keyId, Problem problem) {
        return new Verification(false, keyId, problem);
    }

    /** Why a certificate's signature does not verify. */
    public enum Problem {
        /** The signature names an algorithm other than Ed25519. */
        UNSUPPORTED_ALGORITHM,
        /** The signature names a key this service does not sign certificates with (now). */
        UNKNOWN_KEY,
        /** The signature value is not base64url of 64 bytes. */
        MALFORMED_SIGNATURE,
        /** The signature does not match the certificate: the certificate, or the signature, was changed. */
        SIGNATURE_MISMATCH
    }
}
