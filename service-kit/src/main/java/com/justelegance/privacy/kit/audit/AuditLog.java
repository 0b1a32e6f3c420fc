package com.justelegance.privacy.kit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.persistence.SqlTimes;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
 * <p>An action appends its entries in its own transaction, without any lock, so the entry exists exactly when the
 * action took effect and audited writes never wait for each other (docs/decisions/0015). Each entry records the id
 * of the transaction that wrote it. Chaining happens afterwards: {@link #sealBatch} (run by {@link AuditSealer}
 * after such commits and every second) takes, in a short transaction of its own, the entries of every transaction
 * that has ended, in transaction-id then entry order, and appends each to the chain table {@code audit_seal} with a
 * hash covering its content and the previous link's hash. Removing or editing a sealed entry breaks the chain from
 * that point ({@link #verify}); anchors kept outside the database ({@link AuditAnchors}) show when the newest were
 * removed. Entries hold ids and codes only: the subject appears as a keyed hash, and details must be codes and
 * counts, never personal data.
 */
@ApplicationScoped
public class AuditLog {

    /** One sealer at a time, across every instance of the service, so the chain has one predecessor per link. */
    private static final long SEAL_LOCK = 0x5052_4956_4155_4454L;
    private static final String GENESIS = "0".repeat(64);
    private static final int VERIFY_PAGE = 1000;

    /**
     * The chain's last link, as the point after which entries are still to be sealed ({@code (xact_id, id)} order;
     * entries chained before transaction ids were recorded have none, and every newer entry comes after them).
     */
    private static final String LAST_SEALED = """
            SELECT coalesce((SELECT e.xact_id FROM audit_seal s JOIN audit_entry e ON e.id = s.entry_id
                             ORDER BY s.position DESC LIMIT 1), CAST('0' AS xid8)) AS xact_id,
                   coalesce((SELECT s.entry_id FROM audit_seal s ORDER BY s.position DESC LIMIT 1), 0) AS entry_id""";

    private final EntityManager entityManager;
    private final KeyedHash keyedHash;
    private final Instance<SecurityIdentity> identity;
    private final Clock clock;
    private final ObjectMapper json;
    private final Event<AuditWritten> written;
    private final String systemActor;

    public AuditLog(EntityManager entityManager, KeyedHash keyedHash, Instance<SecurityIdentity> identity,
                    Clock clock, ObjectMapper json, Event<AuditWritten> written,
                    @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.entityManager = entityManager;
        this.keyedHash = keyedHash;
        this.identity = identity;
        this.clock = clock;
        this.json = json;
        this.written = written;
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

    /** Appends one entry per subject for an action that concerned many at once (an audience upload, a bulk read). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEach(String action, Collection<String> subjectIds, Map<String, ?> details) {
        Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String detailsJson = toJson(details);
        String actor = currentActor();
        for (String subjectId : subjectIds) {
            // xact_id defaults to pg_current_xact_id(): the sealer chains the entry once this transaction has ended.
            entityManager.createNativeQuery("""
                            INSERT INTO audit_entry (occurred_at, actor, action, subject_ref, details)
                            VALUES (:occurredAt, :actor, :action, :subjectRef, :details)""")
                    .setParameter("occurredAt", occurredAt)
                    .setParameter("actor", actor)
                    .setParameter("action", action)
                    .setParameter("subjectRef", subjectId == null ? null : keyedHash.subjectRef(subjectId))
                    .setParameter("details", detailsJson)
                    .executeUpdate();
        }
        written.fire(new AuditWritten());
    }

    /**
     * Chains up to {@code limit} entries of transactions that have ended, in a transaction of its own.
     *
     * <p>Only transactions older than this statement's snapshot's oldest running one ({@code pg_snapshot_xmin}) are
     * taken: they have all committed or rolled back, so every entry they wrote is visible now and no entry can
     * later appear before the chain's end. A transaction that commits late (started early, ends after others) is
     * therefore sealed late, never skipped. The order, transaction id then entry id, is the same whoever seals.
     *
     * @return how many entries were sealed
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sealBatch(int limit) {
        entityManager.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(:lock) AS text)")
                .setParameter("lock", SEAL_LOCK)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Tuple> last = entityManager.createNativeQuery(
                        "SELECT position, hash FROM audit_seal ORDER BY position DESC LIMIT 1", Tuple.class)
                .getResultList();
        long position = last.isEmpty() ? 0 : ((Number) last.get(0).get("position")).longValue();
        String previousHash = last.isEmpty() ? GENESIS : (String) last.get(0).get("hash");
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        WITH last AS (%s)
                        SELECT e.id, e.occurred_at, e.actor, e.action, e.subject_ref, e.details
                        FROM audit_entry e, last
                        WHERE (e.xact_id, e.id) > (last.xact_id, last.entry_id)
                          AND e.xact_id < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY e.xact_id, e.id
                        LIMIT :limit""".formatted(LAST_SEALED), Tuple.class)
                .setParameter("limit", limit)
                .getResultList();
        for (Tuple row : rows) {
            String hash = chainHash(previousHash, SqlTimes.instant(row.get("occurred_at")), (String) row.get("actor"),
                    (String) row.get("action"), (String) row.get("subject_ref"), (String) row.get("details"));
            position++;
            entityManager.createNativeQuery("""
                            INSERT INTO audit_seal (position, entry_id, prev_hash, hash)
                            VALUES (:position, :entryId, :prevHash, :hash)""")
                    .setParameter("position", position)
                    .setParameter("entryId", ((Number) row.get("id")).longValue())
                    .setParameter("prevHash", previousHash)
                    .setParameter("hash", hash)
                    .executeUpdate();
            previousHash = hash;
        }
        return rows.size();
    }

    /** How many entries are not chained yet (their transactions were still running, or the sealer has not run). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long unsealed() {
        return ((Number) entityManager.createNativeQuery("""
                        WITH last AS (%s)
                        SELECT count(*) FROM audit_entry e, last
                        WHERE (e.xact_id, e.id) > (last.xact_id, last.entry_id)""".formatted(LAST_SEALED))
                .getSingleResult()).longValue();
    }

    /** The most recent entries, newest first, optionally only those about one subject; unsealed ones included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> recent(String subjectId, int limit) {
        String filter = subjectId == null ? "" : "WHERE e.subject_ref = :subjectRef ";
        var query = entityManager.createNativeQuery("""
                SELECT e.id, e.occurred_at, e.actor, e.action, e.subject_ref, e.details, s.position, s.prev_hash,
                       s.hash
                FROM audit_entry e LEFT JOIN audit_seal s ON s.entry_id = e.id
                %sORDER BY e.id DESC LIMIT :limit""".formatted(filter), Tuple.class)
                .setParameter("limit", limit);
        if (subjectId != null) {
            query.setParameter("subjectRef", keyedHash.subjectRef(subjectId));
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(AuditLog::toEntry).toList();
    }

    /** The sealed chain's current head: how many links it holds and the newest one's hash. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Head head() {
        @SuppressWarnings("unchecked")
        List<Tuple> last = entityManager.createNativeQuery(
                        "SELECT position, hash FROM audit_seal ORDER BY position DESC LIMIT 1", Tuple.class)
                .getResultList();
        return last.isEmpty() ? new Head(0, GENESIS)
                : new Head(((Number) last.get(0).get("position")).longValue(), (String) last.get(0).get("hash"));
    }

    /**
     * Walks the whole sealed chain and reports the first link whose entry is missing, whose hash does not match
     * the entry's content and its predecessor, or whose position skips one; then compares it with the anchors
     * taken earlier: the link at each anchored position must still have the anchored hash, and the chain must
     * still be at least as long as every anchor says. Entries not sealed yet are counted, not verified.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChainVerification verify(Collection<AuditAnchor> anchors) {
        Map<Long, List<AuditAnchor>> anchorsByCount = anchors.stream()
                .collect(Collectors.groupingBy(AuditAnchor::count));
        String expectedPrevious = GENESIS;
        long checked = 0;
        while (true) {
            @SuppressWarnings("unchecked")
            List<Tuple> page = entityManager.createNativeQuery("""
                            SELECT s.position, s.entry_id, s.prev_hash, s.hash, e.id, e.occurred_at, e.actor,
                                   e.action, e.subject_ref, e.details
                            FROM audit_seal s LEFT JOIN audit_entry e ON e.id = s.entry_id
                            WHERE s.position > :after ORDER BY s.position LIMIT :limit""", Tuple.class)
                    .setParameter("after", checked)
                    .setParameter("limit", VERIFY_PAGE)
                    .getResultList();
            if (page.isEmpty()) {
                break;
            }
            for (Tuple row : page) {
                long position = ((Number) row.get("position")).longValue();
                long entryId = ((Number) row.get("entry_id")).longValue();
                String hash = (String) row.get("hash");
                boolean matches = position == checked + 1 && row.get("id") != null
                        && expectedPrevious.equals(row.get("prev_hash"))
                        && hash.equals(chainHash(expectedPrevious, SqlTimes.instant(row.get("occurred_at")),
                        (String) row.get("actor"), (String) row.get("action"), (String) row.get("subject_ref"),
                        (String) row.get("details")));
                if (!matches) {
                    return ChainVerification.broken(checked, entryId, anchors.size(), unsealed(),
                            ChainVerification.Finding.ENTRY_ALTERED);
                }
                boolean anchorDiffers = anchorsByCount.getOrDefault(position, List.of()).stream()
                        .anyMatch(anchor -> !anchor.headHash().equals(hash));
                if (anchorDiffers) {
                    return ChainVerification.broken(checked, entryId, anchors.size(), unsealed(),
                            ChainVerification.Finding.ANCHOR_MISMATCH);
                }
                expectedPrevious = hash;
                checked = position;
            }
        }
        long longestAnchored = anchors.stream().mapToLong(AuditAnchor::count).max().orElse(0);
        if (longestAnchored > checked) {
            return ChainVerification.broken(checked, null, anchors.size(), unsealed(),
                    ChainVerification.Finding.TRUNCATED);
        }
        return ChainVerification.intact(checked, anchors.size(), unsealed());
    }

    /**
     * The head of the sealed chain.
     *
     * @param count how many links the chain holds
     * @param hash  the newest link's hash, or 64 zeros when there is none
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

    /** Unchanged since entries were chained in their own transaction, so the links made then carry on. */
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
        Object position = row.get("position");
        return new AuditEntry(((Number) row.get("id")).longValue(), SqlTimes.instant(row.get("occurred_at")),
                (String) row.get("actor"), (String) row.get("action"), (String) row.get("subject_ref"),
                (String) row.get("details"), position != null, (String) row.get("prev_hash"),
                (String) row.get("hash"));
    }
}
