package com.justelegance.privacy.kit.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;

/**
 * Per-subject transaction locks (PostgreSQL advisory locks on a hash of the subject id), so that an erasure and
 * anything else done to the same subject never interleave: whichever commits second sees the first's work. Held
 * until the transaction ends; taking one twice in a transaction is harmless.
 */
@ApplicationScoped
public class SubjectLocks {

    private final EntityManager entityManager;

    public SubjectLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String subjectId) {
        lockAll(List.of(subjectId));
    }

    /**
     * Locks every subject, always in the same order (of the lock keys), so two transactions locking overlapping
     * sets wait for each other instead of deadlocking.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                        SELECT count(pg_advisory_xact_lock(k)) FROM (
                            SELECT DISTINCT hashtextextended(s, 0) AS k FROM unnest(:subjects) AS s
                            ORDER BY k) AS keys""")
                .setParameter("subjects", subjectIds.toArray(String[]::new))
                .getSingleResult();
    }
}
