package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.consent.domain.IdentifierType;
import com.justelegance.privacy.events.codes.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The suppression list (keyed hashes and channels, nothing else) and the link from a subject to the hashes of the
 * identifiers it was given with its decisions. Hashes are lower-case hex, so they travel as array literals.
 */
@ApplicationScoped
public class SuppressionRepository {

    private final EntityManager entityManager;

    public SuppressionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A keyed hash of an identifier and its type. */
    public record HashedIdentifier(String hash, IdentifierType type) {
    }

    /** Links identifier hashes to the subject (once each). */
    public void rememberContacts(String subjectId, List<HashedIdentifier> identifiers, Instant at) {
        for (HashedIdentifier identifier : identifiers) {
            entityManager.createNativeQuery("""
                            INSERT INTO subject_contact (subject_id, identifier_hash, identifier_type, added_at)
                            VALUES (:subject, :hash, :type, :at) ON CONFLICT DO NOTHING""")
                    .setParameter("subject", subjectId)
                    .setParameter("hash", identifier.hash())
                    .setParameter("type", identifier.type().name())
                    .setParameter("at", at)
                    .executeUpdate();
        }
    }

    /** The identifier hashes linked to the subject, with their types. */
    @SuppressWarnings("unchecked")
    public List<HashedIdentifier> contacts(String subjectId) {
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT identifier_hash, identifier_type FROM subject_contact WHERE subject_id = :subject
                        ORDER BY 1""", Tuple.class)
                .setParameter("subject", subjectId)
                .getResultList();
        return rows.stream().map(row -> new HashedIdentifier((String) row.get("identifier_hash"),
                IdentifierType.valueOf((String) row.get("identifier_type")))).toList();
    }

    @SuppressWarnings("unchecked")
    public List<String> contactHashes(String subjectId) {
        return entityManager.createNativeQuery(
                        "SELECT identifier_hash FROM subject_contact WHERE subject_id = :subject ORDER BY 1")
                .setParameter("subject", subjectId)
                .getResultList();
    }

    /** The channels of the subject's direct-marketing purposes that are currently opted out. */
    @SuppressWarnings("unchecked")
    public List<Channel> optedOutMarketingChannels(String subjectId) {
        List<String> channels = entityManager.createNativeQuery("""
                        SELECT DISTINCT p.channel FROM consent_state s JOIN purpose p ON p.code = s.purpose_code
                        WHERE s.subject_id = :subject AND p.direct_marketing AND s.state <> 'GRANTED'""")
                .setParameter("subject", subjectId)
                .getResultList();
        return channels.stream().map(Channel::valueOf).toList();
    }

    /** Puts the hashes on the list for the channel; returns how many entries are new. */
    public int suppress(Collection<String> hashes, Channel channel, Instant at) {
        if (hashes.isEmpty()) {
            return 0;
        }
        return entityManager.createNativeQuery("""
                        INSERT INTO suppression_entry (identifier_hash, channel, suppressed_at)
                        SELECT hash, :channel, :at FROM unnest(:hashes) AS hash
                        ON CONFLICT DO NOTHING""")
                .setParameter("channel", channel.name())
                .setParameter("at", at)
                .setParameter("hashes", hashes.toArray(String[]::new))
                .executeUpdate();
    }

    public void lift(Collection<String> hashes, Channel channel) {
        if (hashes.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                        DELETE FROM suppression_entry
                        WHERE channel = :channel AND identifier_hash IN (:hashes)""")
                .setParameter("channel", channel.name())
                .setParameter("hashes", hashes)
                .executeUpdate();
    }

    /** For each hash that is on the list, its suppressed channels. */
    public Map<String, Set<Channel>> suppressedChannels(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT identifier_hash, channel FROM suppression_entry
                        WHERE identifier_hash IN (:hashes)""", Tuple.class)
                .setParameter("hashes", hashes)
                .getResultList();
        Map<String, Set<Channel>> channels = new HashMap<>();
        for (Tuple row : rows) {
            channels.computeIfAbsent((String) row.get("identifier_hash"), h -> new TreeSet<>())
                    .add(Channel.valueOf((String) row.get("channel")));
        }
        return channels;
    }

    /** Unlinks the subject from its identifier hashes; the suppression entries stay. Counts per type. */
    public Map<IdentifierType, Long> deleteContacts(String subjectId) {
        @SuppressWarnings("unchecked")
        List<String> types = entityManager.createNativeQuery(
                        "DELETE FROM subject_contact WHERE subject_id = :subject RETURNING identifier_type")
                .setParameter("subject", subjectId)
                .getResultList();
        Map<IdentifierType, Long> counts = new EnumMap<>(IdentifierType.class);
        types.forEach(type -> counts.merge(IdentifierType.valueOf(type), 1L, Long::sum));
        return counts;
    }

}
