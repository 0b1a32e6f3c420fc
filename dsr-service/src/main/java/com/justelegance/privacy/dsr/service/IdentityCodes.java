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
import java.util.UUID;

/**
 * One-time codes sent to a requester to prove who they are. Only a keyed hash of the code is stored, with its
 * expiry and the wrong tries so far; a code works once, until it expires or too many wrong tries were made. The
 * caller holds the case's lock, so tries on one case are counted one after the other and two right ones cannot
 * both pass.
 */
@ApplicationScoped
public class IdentityCodes {

    private static final String PURPOSE = "identity-code";

    private final EntityManager entityManager;
    private final KeyedHash keyedHash;
    private final DsrConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public IdentityCodes(EntityManager entityManager, KeyedHash keyedHash, DsrConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.keyedHash = keyedHash;
        this.config = config;
        this.clock = clock;
    }

    /** A code just issued, to send: the only time it exists in the clear. */
    public record IssuedCode(String code, Instant expiresAt) {
    }

    /**
     * Issues a new six-digit code for the case, replacing any earlier one.
     *
     * @param sentToHash the keyed hash of the address it goes to ({@link RequesterIdentifiers#emailHash})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedCode issue(UUID caseId, String sentToHash) {
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Instant expiresAt = clock.instant().plus(config.identity().codeValidFor());
        entityManager.createNativeQuery("""
                        INSERT INTO identity_code (case_id, code_hash, expires_at, sent_to_hash)
                        VALUES (:case, :hash, :expiresAt, :sentTo)
                        ON CONFLICT (case_id) DO UPDATE SET code_hash = EXCLUDED.code_hash,
                            expires_at = EXCLUDED.expires_at, attempts = 0, used_at = NULL,
                            sent_to_hash = EXCLUDED.sent_to_hash""")
                .setParameter("case", caseId)
                .setParameter("sentTo", sentToHash)
                .setParameter("hash", hash(caseId, code))
                .setParameter("expiresAt", expiresAt)
                .executeUpdate();
        return new IssuedCode(code, expiresAt);
    }

    /** What became of a code given for a case. */
    public enum Check {
        /** Right: used up, identity proven. */
        ACCEPTED,
        /** Not the code sent; counted as a try. */
        WRONG,
        /** Right or not, it stopped working. */
        EXPIRED,
        /** Too many wrong tries; a new identity request sends a new code. */
        TOO_MANY_TRIES,
        /** No code is waiting (none sent, or already used). */
        NONE_WAITING;

        /** Why it was refused, for the problem's detail; never the code. */
        public String refusal() {
            return switch (this) {
                case ACCEPTED -> "";
                case WRONG -> "The code is not the one we sent";
                case EXPIRED -> "The code has expired: ask for proof of identity again to send a new one";
                case TOO_MANY_TRIES -> "Too many wrong codes: ask for proof of identity again to send a new one";
                case NONE_WAITING -> "No identity code is waiting on this case";
            };
        }
    }

    /**
     * Checks a code given for the case: uses it up if right, counts a wrong one as a try. Returns the outcome rather
     * than throwing, so that the try is committed with the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Check check(UUID caseId, String code) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT code_hash, expires_at, attempts, used_at FROM identity_code WHERE case_id = :case""",
                        Tuple.class)
                .setParameter("case", caseId)
                .getResultList();
        if (rows.isEmpty() || rows.get(0).get("used_at") != null) {
            return Check.NONE_WAITING;
        }
        Tuple row = rows.get(0);
        if (row.get("attempts", Number.class).intValue() >= config.identity().maxAttempts()) {
            return Check.TOO_MANY_TRIES;
        }
        if (clock.instant().isAfter(row.get("expires_at", Instant.class))) {
            return Check.EXPIRED;
        }
        boolean right = MessageDigest.isEqual(row.get("code_hash", String.class).getBytes(StandardCharsets.UTF_8),
                hash(caseId, code).getBytes(StandardCharsets.UTF_8));
        if (right) {
            entityManager.createNativeQuery("UPDATE identity_code SET used_at = :now WHERE case_id = :case")
                    .setParameter("case", caseId)
                    .setParameter("now", clock.instant())
                    .executeUpdate();
        } else {
            entityManager.createNativeQuery("UPDATE identity_code SET attempts = attempts + 1 WHERE case_id = :case")
                    .setParameter("case", caseId)
                    .executeUpdate();
        }
        return right ? Check.ACCEPTED : Check.WRONG;
    }

    /** Whether the case's code was sent to the address with this keyed hash. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean wasSentTo(UUID caseId, String addressHash) {
        return addressHash != null && !entityManager.createNativeQuery("""
                        SELECT 1 FROM identity_code WHERE case_id = :case AND sent_to_hash = :hash""")
                .setParameter("case", caseId)
                .setParameter("hash", addressHash)
                .getResultList().isEmpty();
    }

    private String hash(UUID caseId, String code) {
        return keyedHash.of(PURPOSE, caseId + ":" + code.strip());
    }
}
