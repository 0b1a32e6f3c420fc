package com.justelegance.privacy.kit.crypto;

import com.justelegance.privacy.kit.KitConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * HMAC-SHA256 of identifiers, keyed with a key derived from the service's master key: lets a service recognise a
 * subject or an identifier it has seen (audit entries, tombstones, suppression entries) without storing it in a
 * reversible form. Each use names its own purpose so hashes from different uses cannot be matched.
 */
@ApplicationScoped
public class KeyedHash {

    private final byte[] hashKey;

    public KeyedHash(KitConfig config) {
        this.hashKey = MasterKey.derive(config.masterKey(), "keyed-hash");
    }

    /** Lower-case hex of HMAC-SHA256(purpose + ':' + value): 64 characters. */
    public String of(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((purpose + ':' + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** The reference audit entries and tombstones use for a subject. */
    public String subjectRef(String subjectId) {
        return of("subject", subjectId);
    }
}
