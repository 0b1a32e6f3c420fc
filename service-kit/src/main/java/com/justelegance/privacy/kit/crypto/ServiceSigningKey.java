package com.justelegance.privacy.kit.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key pair a service signs documents with (erasure certificates, say), derived from the master key
 * ({@code privacy.kit.master-key}) and a purpose label: no further secret to manage, the same key after every
 * restart and on every instance, and one independent key per kind of document, so a signature made for one purpose
 * never verifies as another. Anyone can check a signature with the public key, published as a JWK (RFC 8037).
 *
 * <p>Replacing the master key replaces every signing key: documents signed before can then no longer be checked
 * against the published key.
 */
public final class ServiceSigningKey {

    /** The JCA and certificate name of the signature algorithm. */
    public static final String ALGORITHM = "Ed25519";
    /** The JOSE name of the algorithm (RFC 8037), as a JWK's {@code alg}. */
    public static final String JOSE_ALGORITHM = "EdDSA";

    /** SubjectPublicKeyInfo of an Ed25519 key (RFC 8410) up to the 32 raw key bytes, which follow it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int KEY_BYTES = 32;

    private final String purpose;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final byte[] rawPublicKey;
    private final String keyId;

    private ServiceSigningKey(String purpose, KeyPair pair) {
        this.purpose = purpose;
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.rawPublicKey = rawPublicKey(publicKey);
        this.keyId = fingerprint(rawPublicKey);
    }

    /**
     * The signing key for a purpose ({@code "erasure-certificates"}), from the base64 master key.
     *
     * @throws IllegalStateException if the master key is not base64 of 32 bytes
     */
    public static ServiceSigningKey derive(String masterKeyBase64, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("A signing key needs a purpose");
        }
        // HMAC-SHA256 gives 32 bytes, exactly an Ed25519 private key (RFC 8032 calls it the seed).
        return fromPrivateKey(MasterKey.derive(masterKeyBase64, "signing-key:" + purpose), purpose);
    }

    /** The key pair whose private key is these 32 bytes (RFC 8032); for derive and for the RFC's test vectors. */
    static ServiceSigningKey fromPrivateKey(byte[] privateKeyBytes, String purpose) {
        if (privateKeyBytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("An Ed25519 private key is 32 bytes");
        }
        try {
            // The JDK computes the public key only when it generates a pair; it takes the private key from the
            // random source, so a source that hands out these bytes generates this pair.
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new GivenBytes(privateKeyBytes));
            KeyPair pair = generator.generateKeyPair();
            byte[] generated = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            if (!MessageDigest.isEqual(generated, privateKeyBytes)) {
                throw new IllegalStateException("This JDK does not generate Ed25519 keys from the given bytes");
            }
            return new ServiceSigningKey(purpose, pair);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    public String purpose() {
        return purpose;
    }

    /** A short stable name of the key: the first 16 hex digits of the SHA-256 of the raw public key. */
    public String keyId() {
        return keyId;
    }

    /** The public key as the JDK uses it. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** The raw 32-byte public key (RFC 8032 encoding), as in a JWK's {@code x}. */
    public byte[] rawPublicKey() {
        return rawPublicKey.clone();
    }

    /** The public key as a JWK (RFC 7517, RFC 8037) for a JWKS endpoint. */
    public PublicJwk publicJwk() {
        return new PublicJwk("OKP", ALGORITHM, Base64.getUrlEncoder().withoutPadding().encodeToString(rawPublicKey),
                keyId, "sig", JOSE_ALGORITHM);
    }

    /** The 64-byte Ed25519 signature of the content. */
    public byte[] sign(byte[] content) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(content);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether the signature is this key's signature of exactly this content; false for any malformed signature. */
    public boolean verifies(byte[] content, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(content);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("The service's own public key was refused", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    /**
     * A public key in JWK form.
     *
     * @param kty always {@code OKP}
     * @param crv always {@code Ed25519}
     * @param x   the raw public key, base64url without padding
     * @param kid the key id signatures name
     * @param use always {@code sig}
     * @param alg always {@code EdDSA}
     */
    public record PublicJwk(String kty, String crv, String x, String kid, String use, String alg) {
    }

    private static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != X509_PREFIX.length + KEY_BYTES
                || !Arrays.equals(Arrays.copyOf(encoded, X509_PREFIX.length), X509_PREFIX)) {
            throw new IllegalStateException("Unexpected encoding of an Ed25519 public key");
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    private static String fingerprint(byte[] rawPublicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawPublicKey);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** A "random" source that hands out the given bytes once: how the JDK is given a private key to generate from. */
    private static final class GivenBytes extends SecureRandom {

        private final byte[] bytes;
        private boolean used;

        GivenBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public synchronized void nextBytes(byte[] into) {
            if (used || into.length != bytes.length) {
                throw new IllegalStateException("The key generator asked for other bytes than a private key");
            }
            System.arraycopy(bytes, 0, into, 0, bytes.length);
            used = true;
        }
    }
}
