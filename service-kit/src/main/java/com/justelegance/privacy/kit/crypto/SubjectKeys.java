package com.justelegance.privacy.kit.crypto;

import com.justelegance.privacy.kit.KitConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Per-subject encryption (AES-256-GCM) for the personal data a service must hold, such as consent proof details
 * or a requester's contact details. Each subject has its own data key, stored wrapped by the master key.
 * {@link #destroy(String)} deletes the key: everything encrypted with it becomes unreadable (crypto-shredding),
 * including copies in backups.
 */
@ApplicationScoped
public class SubjectKeys {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final EntityManager entityManager;
    private final SecretKey wrappingKey;
    private final SecureRandom random = new SecureRandom();

    public SubjectKeys(EntityManager entityManager, KitConfig config) {
        this.entityManager = entityManager;
        this.wrappingKey = new SecretKeySpec(MasterKey.derive(config.masterKey(), "subject-key-wrapping"), "AES");
    }

    /** Encrypts text under the subject's key, creating the key on first use. */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] encrypt(String subjectId, String plaintext) {
        return seal(dataKey(subjectId), plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** Decrypts what {@link #encrypt} produced; empty once the subject's key has been destroyed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> decrypt(String subjectId, byte[] ciphertext) {
        return existingKey(subjectId).map(key -> new String(open(key, ciphertext), StandardCharsets.UTF_8));
    }

    /** Deletes the subject's key; returns whether there was one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean destroy(String subjectId) {
        return entityManager.createNativeQuery("DELETE FROM subject_key WHERE subject_id = :subject")
                .setParameter("subject", subjectId)
                .executeUpdate() > 0;
    }

    /**
     * The subject's key, created when there is none. A new subject (every checkout of a first-time buyer) costs one
     * read and one insert that returns the key it stored; only when another transaction created the key in between
     * is it read back.
     */
    private SecretKey dataKey(String subjectId) {
        Optional<SecretKey> existing = existingKey(subjectId);
        if (existing.isPresent()) {
            return existing.get();
        }
        SecretKey created = newDataKey();
        @SuppressWarnings("unchecked")
        List<String> inserted = entityManager.createNativeQuery("""
                        INSERT INTO subject_key (subject_id, wrapped_key) VALUES (:subject, :wrapped)
                        ON CONFLICT (subject_id) DO NOTHING RETURNING subject_id""")
                .setParameter("subject", subjectId)
                .setParameter("wrapped", seal(wrappingKey, created.getEncoded()))
                .getResultList();
        if (!inserted.isEmpty()) {
            return created;
        }
        // Another transaction created it first: use whichever key won.
        return existingKey(subjectId).orElseThrow();
    }

    private Optional<SecretKey> existingKey(String subjectId) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = entityManager
                .createNativeQuery("SELECT wrapped_key FROM subject_key WHERE subject_id = :subject")
                .setParameter("subject", subjectId)
                .getResultList();
        return rows.stream().findFirst().map(wrapped -> new SecretKeySpec(open(wrappingKey, wrapped), "AES"));
    }

    private SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable", e);
        }
    }

    private byte[] seal(SecretKey key, byte[] plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    private static byte[] open(SecretKey key, byte[] nonceAndCiphertext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonceAndCiphertext, 0, NONCE_BYTES));
            return cipher.doFinal(nonceAndCiphertext, NONCE_BYTES, nonceAndCiphertext.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed: wrong key or tampered data", e);
        }
    }
}
