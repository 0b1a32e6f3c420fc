package com.justelegance.privacy.kit.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** Reads the configured master key and derives one independent key per use from it (HMAC-based derivation). */
final class MasterKey {

    private MasterKey() {
    }

    static byte[] derive(String masterKeyBase64, String use) {
        byte[] master;
        try {
            master = Base64.getDecoder().decode(masterKeyBase64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("privacy.kit.master-key must be base64", e);
        }
        if (master.length != 32) {
            throw new IllegalStateException("privacy.kit.master-key must be 32 bytes (base64 of 32 random bytes)");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(use.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
