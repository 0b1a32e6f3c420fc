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

    /**
     * One keyed MAC per thread: looking up the provider and keying a new one per hash cost more than the hash
     * itself, and a batch consent check hashes thousands of subjects. A MAC is reset by {@code doFinal}.
     */
    private final ThreadLocal<Mac> macs;

    public KeyedHash(KitConfig config) {
        byte[] hashKey = MasterKey.derive(config.masterKey(), "keyed-hash");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        });
    }

    /** Lower-case hex of HMAC-SHA256(purpose + ':' + value): 64 characters. */
    public String of(String purpose, String value) {
        return HexFormat.of().formatHex(macs.get().doFinal((purpose + ':' + value).getBytes(StandardCharsets.UTF_8)));
    }

    /** The reference audit entries and tombstones use for a subject. */
    public String subjectRef(String subjectId) {
        return of("subject", subjectId);
    }
}
