package com.justelegance.privacy.kit.erasure;

import com.justelegance.privacy.events.codes.ErasureReason;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What remains of an erased subject in a service ({@code subject_tombstone}): the keyed hash of its id, the last
 * request that erased it, why and when, how many times, and when data last arrived after the erasure. Never the
 * subject id itself.
 */
@ApplicationScoped
public class SubjectTombstones {

    private final EntityManager entityManager;
    private final KeyedHash keyedHash;

    public SubjectTombstones(EntityManager entityManager, KeyedHash keyedHash) {
        this.entityManager = entityManager;
        this.keyedHash = keyedHash;
    }

    /**
     * A subject's tombstone.
     *
     * @param reason        null for tombstones kept from before reasons were recorded
     * @param erasures      how many erasure requests erased the subject here
     * @param lateArrivalAt when data last arrived after the erasure and was erased again, or null
     */
    public record Tombstone(String subjectRef, Instant erasedAt, ErasureReason reason, String requestId, int erasures,
                            Instant lateArrivalAt) {
    }

    /** Records an erasure of the subject: the first creates the tombstone, a later one updates it. */
    void recordErasure(String subjectId, String requestId, ErasureReason reason, Instant at) {
        entityManager.createNativeQuery("""
                        INSERT INTO subject_tombstone (subject_ref, request_id, reason, erased_at, erasures)
                        VALUES (:ref, :request, :reason, :at, 1)
                        ON CONFLICT (subject_ref) DO UPDATE SET request_id = EXCLUDED.request_id,
                            reason = EXCLUDED.reason, erased_at = EXCLUDED.erased_at,
                            erasures = subject_tombstone.erasures + 1""")
                .setParameter("ref", keyedHash.subjectRef(subjectId))
                .setParameter("request", requestId)
                .setParameter("reason", reason.name())
                .setParameter("at", at)
                .executeUpdate();
    }

    void recordLateArrival(String subjectId, Instant at) {
        entityManager.createNativeQuery("UPDATE subject_tombstone SET late_arrival_at = :at WHERE subject_ref = :ref")
                .setParameter("ref", keyedHash.subjectRef(subjectId))
                .setParameter("at", at)
                .executeUpdate();
    }

    public boolean isErased(String subjectId) {
        return find(subjectId).isPresent();
    }

    public Optional<Tombstone> find(String subjectId) {
        return Optional.ofNullable(findAll(List.of(subjectId)).get(subjectId));
    }

    /** The tombstones of those of the subjects that were erased here, by subject id. */
    public Map<String, Tombstone> findAll(Collection<String> subjectIds) {
        Map<String, String> subjectByRef = new HashMap<>();
        subjectIds.forEach(subject -> subjectByRef.put(keyedHash.subjectRef(subject), subject));
        if (subjectByRef.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT subject_ref, erased_at, reason, request_id, erasures, late_arrival_at
                        FROM subject_tombstone WHERE subject_ref = ANY(:refs)""", Tuple.class)
                // One array parameter, not IN with one parameter per subject: a batch consent check asks about
                // thousands, and expanding and planning thousands of parameters cost more than the lookup.
                .setParameter("refs", subjectByRef.keySet().toArray(String[]::new))
                .getResultList();
        Map<String, Tombstone> found = new HashMap<>();
        for (Tuple row : rows) {
            String reason = row.get(2, String.class);
            Tombstone tombstone = new Tombstone(row.get(0, String.class), SqlTimes.instant(row.get(1)),
                    reason == null ? null : ErasureReason.valueOf(reason), row.get(3, String.class),
                    ((Number) row.get(4)).intValue(), SqlTimes.instant(row.get(5)));
            found.put(subjectByRef.get(tombstone.subjectRef()), tombstone);
        }
        return found;
    }
}
