package com.justelegance.privacy.kit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.persistence.SqlTimes;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The append-only, hash-chained record of administrative actions and reads of a subject's data.
 *
 * <p>Each entry's hash covers its content and the previous entry's hash, so removing or editing an entry breaks
 * the chain from that point ({@link #verify}); anchors kept outside the database ({@link AuditAnchors})
 * show when the newest entries were removed. Entries hold ids and codes only: the subject appears as a keyed
 * hash, and details must be codes and counts, never personal data.
 */
@ApplicationScoped
public class AuditLog {

    /** Serialises appends so the chain has one well-defined predecessor per entry. */
    private static final long CHAIN_LOCK = 0x5052_4956_4155_4454L;
    private static final String GENESIS = "0".repeat(64);
    private static final int VERIFY_PAGE = 1000;

    private final EntityManager entityManager;
    private final KeyedHash keyedHash;
    private final Instance<SecurityIdentity> identity;
    private final Clock clock;
    private final ObjectMapper json;
    private final String systemActor;

    public AuditLog(EntityManager entityManager, KeyedHash keyedHash, Instance<SecurityIdentity> identity,
                    Clock clock, ObjectMapper json,
                    @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.entityManager = entityManager;
        this.keyedHash = keyedHash;
        this.identity = identity;
        this.clock = clock;
        this.json = json;
        this.systemActor = "system:" + applicationName;
    }

    /**
     * Appends an entry in the caller's transaction, so the entry exists exactly when the action took effect.
     *
     * @param action    what was done, e.g. {@code consent.history.read}
     * @param subjectId the subject concerned, or null; stored only as a keyed hash
     * @param details   codes and counts describing the action; never personal data
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String subjectId, Map<String, ?> details) {
        recordEach(action, Collections.singletonList(subjectId), details);
    }

    /**
     * Appends one entry per subject for an action that concerned many at once (an audience upload, a bulk read),
     * taking the chain lock once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEach(String action, Collection<String> subjectIds, Map<String, ?> details) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(:lock)")
                .setParameter("lock", CHAIN_LOCK)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> last = entityManager.createNativeQuery("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1")
                .getResultList();
        String previousHash = last.isEmpty() ? GENESIS : last.get(0);
        Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String detailsJson = toJson(details);
        String actor = currentActor();
        for (String subjectId : subjectIds) {
            String subjectRef = subjectId == null ? null : keyedHash.subjectRef(subjectId);
            String hash = chainHash(previousHash, occurredAt, actor, action, subjectRef, detailsJson);
            entityManager.createNativeQuery("""
                            INSERT INTO audit_entry (occurred_at, actor, action, subject_ref, details, prev_hash, hash)
                            VALUES (:occurredAt, :actor, :action, :subjectRef, :details, :prevHash, :hash)""")
                    .setParameter("occurredAt", occurredAt)
                    .setParameter("actor", actor)
                    .setParameter("action", action)
                    .setParameter("subjectRef", subjectRef)
                    .setParameter("details", detailsJson)
                    .setParameter("prevHash", previousHash)
                    .setParameter("hash", hash)
                    .executeUpdate();
            previousHash = hash;
        }
    }

    /** The most recent entries, newest first, optionally only those about one subject. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> recent(String subjectId, int limit) {
        String filter = subjectId == null ? "" : "WHERE subject_ref = :subjectRef ";
        var query = entityManager.createNativeQuery("""
                SELECT id, occurred_at, actor, action, subject_ref, details, prev_hash, hash
                FROM audit_entry %sORDER BY id DESC LIMIT :limit""".formatted(filter), Tuple.class)
                .setParameter("limit", limit);
        if (subjectId != null) {
            query.setParameter("subjectRef", keyedHash.subjectRef(subjectId));
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(AuditLog::toEntry).toList();
    }

    /** The chain's current head: how many entries it holds and the newest one's hash, read in one snapshot. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Head head() {
        Tuple row = (Tuple) entityManager.createNativeQuery("""
                        SELECT count(*) AS entries, (SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1) AS hash
                        FROM audit_entry""", Tuple.class)
                .getSingleResult();
        String hash = (String) row.get("hash");
        return new Head(((Number) row.get("entries")).longValue(), hash == null ? GENESIS : hash);
    }

    /**
     * Walks the whole chain and reports the first entry whose hash or link does not match; then compares it with
     * the anchors taken earlier: the entry at each anchored position must still have the anchored hash, and the
     * chain must still be at least as long as every anchor says.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChainVerification verify(Collection<AuditAnchor> anchors) {
        Map<Long, List<AuditAnchor>> anchorsByCount = anchors.stream()
                .collect(Collectors.groupingBy(AuditAnchor::count));
        String expectedPrevious = GENESIS;
        long checked = 0;
        long afterId = 0;
        while (true) {
            @SuppressWarnings("unchecked")
            List<Tuple> page = entityManager.createNativeQuery("""
                            SELECT id, occurred_at, actor, action, subject_ref, details, prev_hash, hash
                            FROM audit_entry WHERE id > :after ORDER BY id LIMIT :limit""", Tuple.class)
                    .setParameter("after", afterId)
                    .setParameter("limit", VERIFY_PAGE)
                    .getResultList();
            if (page.isEmpty()) {
                break;
            }
            for (Tuple row : page) {
                AuditEntry entry = toEntry(row);
                String recomputed = chainHash(entry.prevHash(), entry.occurredAt(), entry.actor(), entry.action(),
                        entry.subjectRef(), entry.details());
                if (!entry.prevHash().equals(expectedPrevious) || !entry.hash().equals(recomputed)) {
                    return ChainVerification.broken(checked, entry.id(), anchors.size(),
                            ChainVerification.Finding.ENTRY_ALTERED);
                }
                long position = checked + 1;
                boolean anchorDiffers = anchorsByCount.getOrDefault(position, List.of()).stream()
                        .anyMatch(anchor -> !anchor.headHash().equals(entry.hash()));
                if (anchorDiffers) {
                    return ChainVerification.broken(checked, entry.id(), anchors.size(),
                            ChainVerification.Finding.ANCHOR_MISMATCH);
                }
                expectedPrevious = entry.hash();
                afterId = entry.id();
                checked = position;
            }
        }
        long longestAnchored = anchors.stream().mapToLong(AuditAnchor::count).max().orElse(0);
        if (longestAnchored > checked) {
            return ChainVerification.broken(checked, null, anchors.size(), ChainVerification.Finding.TRUNCATED);
        }
        return ChainVerification.intact(checked, anchors.size());
    }

    /**
     * The head of the chain.
     *
     * @param count how many entries the chain holds
     * @param hash  the newest entry's hash, or 64 zeros when there is none
     */
    public record Head(long count, String hash) {
    }

    private String currentActor() {
        if (Arc.container().requestContext().isActive() && identity.isResolvable()) {
            SecurityIdentity current = identity.get();
            if (!current.isAnonymous()) {
                return current.getPrincipal().getName();
            }
        }
        return systemActor;
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details == null ? Map.of() : new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details must be plain codes and numbers", e);
        }
    }

    private static String chainHash(String previousHash, Instant occurredAt, String actor, String action,
                                    String subjectRef, String details) {
        String content = String.join("|", previousHash, occurredAt.toString(), actor, action,
                subjectRef == null ? "" : subjectRef, details);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static AuditEntry toEntry(Tuple row) {
        Instant occurredAt = SqlTimes.instant(row.get("occurred_at"));
        return new AuditEntry(((Number) row.get("id")).longValue(), occurredAt,
                (String) row.get("actor"), (String) row.get("action"), (String) row.get("subject_ref"),
                (String) row.get("details"), (String) row.get("prev_hash"), (String) row.get("hash"));
    }
}
