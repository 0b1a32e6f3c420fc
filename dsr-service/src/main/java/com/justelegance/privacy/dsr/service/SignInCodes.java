package com.justelegance.privacy.dsr.service;

import com.justelegance.privacy.dsr.config.DsrConfig;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One-time codes that sign a shopper in to the privacy centre, kept as {@link IdentityCodes} keeps a case's: only
 * keyed hashes of the address and the code, the expiry ({@code dsr.sign-in.code-valid-for}, 15 minutes) and the
 * wrong tries so far ({@code dsr.sign-in.max-attempts}). A code works once. The row is locked while a code is
 * checked, so tries on one address are counted one after the other and two right ones cannot both pass.
 */
@ApplicationScoped
public class SignInCodes {

    private static final String PURPOSE = "sign-in-code";

    private final EntityManager entityManager;
    private final KeyedHash keyedHash;
    private final RequesterIdentifiers identifiers;
    private final DsrConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SignInCodes(EntityManager entityManager, KeyedHash keyedHash, RequesterIdentifiers identifiers,
                       DsrConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.keyedHash = keyedHash;
        this.identifiers = identifiers;
        this.config = config;
        this.clock = clock;
    }

    /** A code just issued, to send: the only time it exists in the clear. */
    public record IssuedCode(String code, Instant expiresAt) {
    }

    /** What became of a code given for an address: signed in as a subject, or refused and why. */
    public record Outcome(Optional<String> subjectId, String refusal) {

        static Outcome refused(String why) {
            return new Outcome(Optional.empty(), why);
        }
    }

    /** Issues a new six-digit code for the address, signing in as this subject, replacing any earlier one. */
    @Transactional
    public IssuedCode issue(String email, String subjectId) {
        String emailHash = identifiers.emailHash(email);
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Instant expiresAt = clock.instant().plus(config.signIn().codeValidFor());
        entityManager.createNativeQuery("""
                        INSERT INTO sign_in_code (email_hash, subject_id, code_hash, expires_at)
                        VALUES (:email, :subject, :hash, :expiresAt)
                        ON CONFLICT (email_hash) DO UPDATE SET subject_id = EXCLUDED.subject_id,
                            code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at, attempts = 0,
                            used_at = NULL""")
                .setParameter("email", emailHash)
                .setParameter("subject", subjectId)
                .setParameter("hash", hash(emailHash, code))
                .setParameter("expiresAt", expiresAt)
                .executeUpdate();
        return new IssuedCode(code, expiresAt);
    }

    /**
     * Checks a code given for an address: uses it up if right, counts a wrong one as a try. Returns the outcome
     * rather than throwing, so that the try is committed.
     */
    @Transactional
    public Outcome check(String email, String code) {
        String emailHash = identifiers.emailHash(email);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT subject_id, code_hash, expires_at, attempts, used_at FROM sign_in_code
                        WHERE email_hash = :email FOR UPDATE""", Tuple.class)
                .setParameter("email", emailHash)
                .getResultList();
        if (rows.isEmpty() || rows.get(0).get("used_at") != null) {
            return Outcome.refused("No sign-in code is waiting for this address: ask for a new one");
        }
        Tuple row = rows.get(0);
        if (row.get("attempts", Number.class).intValue() >= config.signIn().maxAttempts()) {
            return Outcome.refused("Too many wrong codes: ask for a new one");
        }
        if (clock.instant().isAfter(row.get("expires_at", Instant.class))) {
            return Outcome.refused("The code has expired: ask for a new one");
        }
        boolean right = MessageDigest.isEqual(row.get("code_hash", String.class).getBytes(StandardCharsets.UTF_8),
                hash(emailHash, code).getBytes(StandardCharsets.UTF_8));
        if (!right) {
            entityManager.createNativeQuery("UPDATE sign_in_code SET attempts = attempts + 1 WHERE email_hash = :email")
                    .setParameter("email", emailHash)
                    .executeUpdate();
            return Outcome.refused("The code is not the one we sent");
        }
        entityManager.createNativeQuery("UPDATE sign_in_code SET used_at = :now WHERE email_hash = :email")
                .setParameter("email", emailHash)
                .setParameter("now", clock.instant())
                .executeUpdate();
        return new Outcome(Optional.of(row.get("subject_id", String.class)), "");
    }

    private String hash(String emailHash, String code) {
        return keyedHash.of(PURPOSE, emailHash + ":" + code.strip());
    }
}
