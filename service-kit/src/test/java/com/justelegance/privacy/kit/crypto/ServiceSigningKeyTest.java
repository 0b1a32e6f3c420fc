package com.justelegance.privacy.kit.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The service's signing key: derived from the master key, stable, and what it signs verifies only unchanged. */
class ServiceSigningKeyTest {

    private static final String MASTER_KEY = "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";
    private static final String OTHER_MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final byte[] CONTENT = "{\"outcome\":\"COMPLETED\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSameMasterKeyAndPurposeGiveTheSameKeyAfterARestart() {
        ServiceSigningKey key = ServiceSigningKey.derive(MASTER_KEY, "erasure-certificates");
        ServiceSigningKey again = ServiceSigningKey.derive(MASTER_KEY, "erasure-certificates");

        assertThat(again.keyId(), equalTo(key.keyId()));
        assertThat(again.publicJwk(), equalTo(key.publicJwk()));
        assertThat(key.keyId().matches("[0-9a-f]{16}"), equalTo(true));
        // A signature made before the restart verifies after it.
        assertThat(again.verifies(CONTENT, key.sign(CONTENT)), equalTo(true));
    }

    @Test
    void anotherMasterKeyOrPurposeGivesAnotherKey() {
        ServiceSigningKey key = ServiceSigningKey.derive(MASTER_KEY, "erasure-certificates");
        ServiceSigningKey otherMaster = ServiceSigningKey.derive(OTHER_MASTER_KEY, "erasure-certificates");
        ServiceSigningKey otherPurpose = ServiceSigningKey.derive(MASTER_KEY, "access-exports");

        assertThat(otherMaster.keyId(), not(equalTo(key.keyId())));
        assertThat(otherPurpose.keyId(), not(equalTo(key.keyId())));
        assertThat(otherMaster.verifies(CONTENT, key.sign(CONTENT)), equalTo(false));
        assertThat(otherPurpose.verifies(CONTENT, key.sign(CONTENT)), equalTo(false));
    }

    @Test
    void changedContentOrAlteredSignatureDoesNotVerify() {
        ServiceSigningKey key = ServiceSigningKey.derive(MASTER_KEY, "erasure-certificates");
        byte[] signature = key.sign(CONTENT);
        byte[] changed = "{\"outcome\":\"PARTIALLY_COMPLETED\"}".getBytes(StandardCharsets.UTF_8);
        byte[] altered = signature.clone();
        altered[10] ^= 1;

        assertThat(key.verifies(CONTENT, signature), equalTo(true));
        assertThat(key.verifies(changed, signature), equalTo(false));
        assertThat(key.verifies(CONTENT, altered), equalTo(false));
        assertThat(key.verifies(CONTENT, new byte[12]), equalTo(false));
    }

    /** RFC 8032, section 7.1, TEST 1 and TEST 2: the public key and signatures the standard gives for its keys. */
    @Test
    void keysAndSignaturesAreTheStandardOnes() {
        HexFormat hex = HexFormat.of();
        ServiceSigningKey test1 = ServiceSigningKey.fromPrivateKey(
                hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"), "rfc8032");
        ServiceSigningKey test2 = ServiceSigningKey.fromPrivateKey(
                hex.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"), "rfc8032");

        assertThat(hex.formatHex(test1.rawPublicKey()),
                equalTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        assertThat(hex.formatHex(test1.sign(new byte[0])), equalTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974"
                + "d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"));
        assertThat(hex.formatHex(test2.rawPublicKey()),
                equalTo("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"));
        assertThat(hex.formatHex(test2.sign(hex.parseHex("72"))), equalTo("92a009a9f0d4cab8720e820b5f642540a2b27b5416"
                + "503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"));
    }

    /** What a third party does with the published JWK: rebuild the key with the JDK alone and verify. */
    @Test
    void theJwkAloneVerifiesASignature() throws Exception {
        ServiceSigningKey key = ServiceSigningKey.derive(MASTER_KEY, "erasure-certificates");
        ServiceSigningKey.PublicJwk jwk = key.publicJwk();

        byte[] x = Base64.getUrlDecoder().decode(jwk.x());
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(x))));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(CONTENT);

        assertThat(verifier.verify(key.sign(CONTENT)), equalTo(true));
        assertThat(jwk, equalTo(new ServiceSigningKey.PublicJwk("OKP", "Ed25519", jwk.x(), key.keyId(), "sig",
                "EdDSA")));
        assertThat(jwk.x().contains("="), equalTo(false));
    }

    @Test
    void aMasterKeyThatIsNotThirtyTwoBytesOfBase64IsRefused() {
        assertThrows(IllegalStateException.class, () -> ServiceSigningKey.derive("not base64!", "p"));
        assertThrows(IllegalStateException.class,
                () -> ServiceSigningKey.derive(Base64.getEncoder().encodeToString(new byte[16]), "p"));
    }
}
